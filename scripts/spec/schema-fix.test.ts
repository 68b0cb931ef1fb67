import { fixSchema, orderKeys } from './schema-fix';

type Json = Record<string, any>;

describe('fixSchema', () => {
  const definitions = (): Json => ({
    Colour: { type: 'string', enum: ['red', 'green'], description: 'A colour.' },
    Address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    Node: { type: 'object', properties: { parent: { $ref: '#/definitions/Node', 'x-ms-summary': 'Parent', description: 'Up.' } }, required: [] },
  });

  test('inlines an enum for any sibling, so descriptions and x-ms-summary survive', () => {
    const d = definitions();
    const s = fixSchema({ $ref: '#/definitions/Colour', description: 'Favourite.', 'x-ms-summary': 'Colour' }, 'X.colour', { definitions: d });
    expect(s).toEqual({ type: 'string', enum: ['red', 'green'], description: 'Favourite.', 'x-ms-summary': 'Colour' });
  });

  test('keeps a plain $ref to an object and drops a description-only sibling silently', () => {
    const drops: string[] = [];
    const s = fixSchema({ $ref: '#/definitions/Address', description: 'Home.' }, 'X.home', { definitions: definitions(), onDrop: (k) => drops.push(k) });
    expect(s).toEqual({ $ref: '#/definitions/Address' });
    expect(drops).toEqual([]);
  });

  test('deep-copies an object model when an x-* sibling asks for it, leaving the definition untouched', () => {
    const d = definitions();
    const s = fixSchema({ $ref: '#/definitions/Address', 'x-ms-visibility': 'advanced' }, 'X.home', { definitions: d });
    expect(s).toEqual({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'], 'x-ms-visibility': 'advanced' });
    expect(s.properties).not.toBe(d.Address.properties);
  });

  test('never inlines a recursive model into itself: drops and reports the x-* sibling', () => {
    const d = definitions();
    const drops: string[] = [];
    fixSchema(d.Node, 'Node', { definitions: d, onDrop: (k, where) => drops.push(`${where}:${k}`), inlining: new Set(['Node']) });
    expect(d.Node).toEqual({ type: 'object', properties: { parent: { $ref: '#/definitions/Node' } } });
    expect(drops).toEqual(['Node.parent:x-ms-summary']);
    expect(() => JSON.stringify(d)).not.toThrow();
  });

  test('drops "required": [], required on non-objects, and undefined keys', () => {
    expect(fixSchema({ type: 'object', properties: { a: { type: 'string', required: ['x'], example: undefined } }, required: [] }, 'X')).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
    });
  });
});

test('orderKeys puts known keys first, other keys next, x-* keys last and sorted', () => {
  expect(Object.keys(orderKeys({ 'x-b': 1, c: 2, 'x-a': 3, a: undefined, b: 4 }, ['b', 'a']))).toEqual(['b', 'c', 'x-a', 'x-b']);
});
