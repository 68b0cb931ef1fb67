import { compileRoute } from './route-template';
import { buildRouteTable, compareOrdinalIgnoreCase } from './route-table';

const m = (t: string, p: string) => compileRoute(t).match(p);

describe('compileRoute', () => {
  it('matches literals case-insensitively with an optional trailing slash', () => {
    expect(m('api/items', '/API/Items/')).toEqual({});
    expect(m('api/items', '/api/items/x')).toBeUndefined();
  });
  it('supports optional, default and catch-all parameters', () => {
    expect(m('api/a/{x?}', '/api/a')).toEqual({});
    expect(m('api/a/{x=def}', '/api/a')).toEqual({ x: 'def' });
    expect(m('api/a/{*rest}', '/api/a/b/c')).toEqual({ rest: 'b/c' });
    expect(m('api/a/{**rest}', '/api/a')).toEqual({});
    expect(m('api/{a}.{b}', '/api/x.y.z')).toEqual({ a: 'x.y', b: 'z' });
  });
  it.each([
    ['{v:int}', ['-5', '2147483647'], ['2147483648', '1.5', 'x']],
    ['{v:long}', ['9223372036854775807'], ['9223372036854775808']],
    ['{v:bool}', ['True', 'false'], ['1', 'yes']],
    ['{v:guid}', ['3F2504E0-4F89-11D3-9A0C-0305E82C3301', '3f2504e04f8911d39a0c0305e82c3301', '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}'], ['3f2504e0-4f89']],
    ['{v:alpha}', ['abcXYZ'], ['abc1', 'é']],
    ['{v:decimal}', ['1.5', '-2'], ['1e3', 'x']],
    ['{v:double}', ['1e3', '.5'], ['x']],
    ['{v:datetime}', ['2024-01-02'], ['not-a-date']],
    ['{v:minlength(2)}', ['ab'], ['a']],
    ['{v:maxlength(2)}', ['ab'], ['abc']],
    ['{v:length(2)}', ['ab'], ['abc']],
    ['{v:length(1,2)}', ['a', 'ab'], ['abc']],
    ['{v:min(1)}', ['1'], ['0', 'x']],
    ['{v:max(10)}', ['10'], ['11']],
    ['{v:range(1,3)}', ['2'], ['4']],
    ['{v:int:min(1)}', ['1'], ['0']],
    ['{v:regex(^\\d{{3}}$)}', ['123'], ['1234']],
    ['{v:regex(b)}', ['abc', 'ABC'], ['x']],
  ])('constraint %s', (seg, good, bad) => {
    for (const g of good) expect(m(`api/${seg}`, `/api/${g}`)).toEqual({ v: g });
    for (const b of bad) expect(m(`api/${seg}`, `/api/${b}`)).toBeUndefined();
  });
  it('rejects unknown constraints and malformed templates with CK_HOST_ROUTE_INVALID', () => {
    for (const t of ['a/{x:nope}', 'a/{x', 'a/{*r}/b', 'a/{x?}/b', 'a/{x}/{X}', 'a/{x:min(a)}']) {
      expect(() => compileRoute(t)).toThrow(expect.objectContaining({ code: 'CK_HOST_ROUTE_INVALID' }));
    }
  });
});

describe('buildRouteTable', () => {
  const fn = (name: string, route: string | undefined, methods = ['GET']) => ({
    id: name,
    name,
    bindings: { t: { type: 'httpTrigger', direction: 'in', route, methods, authLevel: 'anonymous' }, $return: { type: 'http', direction: 'out' } },
  });
  it('orders by name, ordinal ignoring case, first match wins', () => {
    expect(['b', 'A', 'a_', 'B1'].sort(compareOrdinalIgnoreCase)).toEqual(['A', 'a_', 'b', 'B1']);
    const t = buildRouteTable([fn('zNarrow', 'x/recent'), fn('Wide', 'x/{n}')], 'api', 'http://h');
    expect(t.match('GET', '/api/x/recent')!.entry.info.name).toBe('Wide');
    expect(t.match('POST', '/api/x/recent')).toBeUndefined();
  });
  it('rejects identical templates with overlapping methods', () => {
    expect(() => buildRouteTable([fn('a', 'x/{id}'), fn('b', 'X/{id}/', ['GET', 'POST'])], 'api', 'http://h')).toThrow(/conflicts with the route defined by function "a"/);
    expect(buildRouteTable([fn('a', 'x/{id}'), fn('b', 'x/{id}', ['DELETE'])], 'api', 'http://h').entries).toHaveLength(2);
  });
});
