import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectChanges } from './detect';

const PAIRS = path.join(__dirname, '..', 'testdata', 'breaking');
const read = (dir: string, f: string) => JSON.parse(readFileSync(path.join(PAIRS, dir, f), 'utf8'));

describe('breaking-change detection (keyed by operationId)', () => {
  const classes = readdirSync(PAIRS).filter((d) => d !== 'non-breaking');

  it('has a before/after pair for every breaking class of the issue', () => {
    for (const c of [
      'operation-deleted',
      'operation-renamed',
      'path-template-changed',
      'parameter-location-changed',
      'parameter-type-changed',
      'new-required-input',
      'output-type-changed',
      'enum-values-added',
    ]) {
      expect(classes).toContain(c);
    }
  });

  for (const c of classes) {
    it(`${c}: reports exactly that class, with operationId and pointer`, () => {
      const changes = detectChanges(read(c, 'before.json'), read(c, 'after.json'));
      const breaking = changes.filter((x) => x.breaking);
      expect(breaking.length).toBeGreaterThan(0);
      expect([...new Set(breaking.map((b) => b.kind))]).toEqual([c]);
      for (const b of breaking) {
        expect(b.operationId).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(b.pointer).toMatch(/^(operation\/|\/paths\/)/);
      }
    });
  }

  it('non-breaking: summarises added operations, optional inputs and doc changes without breaking', () => {
    const changes = detectChanges(read('non-breaking', 'before.json'), read('non-breaking', 'after.json'));
    expect(changes.filter((x) => x.breaking)).toEqual([]);
    const kinds = changes.map((x) => `${x.kind}:${x.operationId}`).sort();
    expect(kinds).toEqual(['doc-changed:ListItems', 'operation-added:DeleteItem', 'parameter-added:ListItems']);
  });

  it('body: a renamed body argument is the same input; a new required body field is breaking', () => {
    const before = read('non-breaking', 'before.json');
    const after = structuredClone(before);
    after.paths['/items'].post.parameters[0].name = 'item';
    expect(detectChanges(before, after)).toEqual([]);
    after.definitions.ItemInput.required = ['name', 'color'];
    const [c] = detectChanges(before, after);
    expect(c).toMatchObject({ kind: 'new-required-input', breaking: true, operationId: 'CreateItem', pointer: '/paths/~1items/post/parameters/0/schema/properties/color' });
  });

  it('an identical definition has no changes', () => {
    const doc = read('non-breaking', 'before.json');
    expect(detectChanges(doc, structuredClone(doc))).toEqual([]);
  });

  it("a deletion message follows Microsoft's wording and pointer form", () => {
    const [d] = detectChanges(read('operation-deleted', 'before.json'), read('operation-deleted', 'after.json'));
    expect(d).toMatchObject({ kind: 'operation-deleted', operationId: 'GetItem', pointer: 'operation/GetItem' });
    expect(d!.message).toContain('has been deleted. This change breaks existing flows');
  });
});
