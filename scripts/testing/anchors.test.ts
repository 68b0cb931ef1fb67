import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { anchorsPath } from './anchors';

describe('anchorsPath', () => {
  const saved = process.env.CK_ANCHORS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CK_ANCHORS_DIR;
    else process.env.CK_ANCHORS_DIR = saved;
  });
  it('finds the copy kept in the repository', () => {
    delete process.env.CK_ANCHORS_DIR;
    expect(anchorsPath('apim-rest-spec/2024-05-01')).toMatch(/scripts[\\/]testing[\\/]contracts[\\/]apim-rest-spec[\\/]2024-05-01$/);
  });
  it('says where it looked and how to fix it when they are missing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'ck-anchors-'));
    process.env.CK_ANCHORS_DIR = empty;
    expect(() => anchorsPath('connectors-dev')).toThrow(/contract anchors are missing: expected .*connectors-dev.*CK_ANCHORS_DIR/s);
  });
});
