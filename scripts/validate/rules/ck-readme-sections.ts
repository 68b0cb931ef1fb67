import type { Rule } from '../types';

const REQUIRED = ['Publisher', 'Prerequisites', 'Supported Operations', 'Obtaining Credentials', 'Known Issues and Limitations'];

/** readme.md has the sections of Microsoft's certified-connector readme template. */
export const rule: Rule = {
  id: 'CkReadmeSections',
  level: 'certification',
  severity: 'error',
  file: 'readme.md',
  description:
    "readme.md has a title and the sections of Microsoft's certified-connector template: Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations (Deployment Instructions: a warning when missing).",
  check(ctx) {
    const text = ctx.files['readme.md']?.text;
    if (text === undefined) {
      ctx.report({ message: 'The folder has no readme.md; certification needs one built from templates/certified-connectors/readme.md.', pointer: '' });
      return;
    }
    const headings = [...text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]!.toLowerCase());
    if (!/^#\s+\S/m.test(text)) ctx.report({ message: 'readme.md has no title (a first-level "# <connector name>" heading).', pointer: '' });
    for (const s of REQUIRED) {
      if (!headings.some((h) => h.startsWith(s.toLowerCase()))) ctx.report({ message: `readme.md has no '${s}' section.`, pointer: '' });
    }
    if (!headings.some((h) => h.startsWith('deployment instructions')))
      ctx.report({ severity: 'warning', message: "readme.md has no 'Deployment Instructions' section (required for certified connectors, optional for independent publishers).", pointer: '' });
  },
};
