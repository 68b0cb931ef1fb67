import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { readPng } from '../png-read';

/** icon.png is a PNG of 230×230 with an opaque, non-white background that matches iconBrandColor. */
export const rule: Rule = {
  id: 'CkIconFormat',
  level: 'certification',
  severity: 'error',
  file: 'icon.png',
  description: 'icon.png is a 230×230 PNG whose background is opaque, not white/#007ee5, and equals iconBrandColor (a missing icon is a warning: the platform uses a default).',
  check(ctx) {
    const f = ctx.files['icon.png'];
    if (!f) {
      ctx.report({ severity: 'warning', message: 'The folder has no icon.png; a default icon is used. Certified connectors submit a 230×230 PNG icon.', pointer: '' });
      return;
    }
    const read = readPng(f.raw);
    if ('problem' in read) {
      ctx.report({ message: `icon.png is not a valid PNG image: ${read.problem}.`, pointer: '' });
      return;
    }
    const { png } = read;
    if (png.width !== 230 || png.height !== 230) ctx.report({ message: `icon.png is ${png.width}×${png.height}; certification expects a 230×230 square.`, pointer: '' });
    // The background is what the four corners show (the logo sits inside a ~160×160 centre).
    const corners = [
      [0, 0],
      [png.width - 1, 0],
      [0, png.height - 1],
      [png.width - 1, png.height - 1],
    ].map(([x, y]) => {
      const i = (png.width * y! + x!) << 2;
      return { r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! };
    });
    if (corners.some((c) => c.a < 255)) {
      ctx.report({ message: 'icon.png has a transparent background; certification needs an opaque background in the brand colour.', pointer: '' });
      return;
    }
    const hex = (c: { r: number; g: number; b: number }) => '#' + [c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('');
    const bg = hex(corners[0]!);
    if (bg === '#ffffff' || bg === '#007ee5') ctx.report({ message: `icon.png has the background ${bg}, which certification rejects (white or the default #007ee5).`, pointer: '' });
    const props = ctx.apiProperties?.properties;
    const brand = isObj(props) && typeof props.iconBrandColor === 'string' ? props.iconBrandColor.toLowerCase() : undefined;
    if (brand && brand !== bg) ctx.report({ severity: 'warning', message: `icon.png's background ${bg} differs from iconBrandColor ${brand}; they must match.`, pointer: '' });
  },
};
