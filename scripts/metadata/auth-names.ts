/**
 * The auth module declares the `@Security` names it handles as an exported constant:
 *
 *   export const securityNames = ['entra'] as const;
 *
 * The build reads it from the TYPE of that export in the program it already has (string literal tuple or union),
 * so it works for a .ts module in the project and for a compiled module with a .d.ts alike, and needs no
 * evaluation of user code. A `@Security` name outside it would answer 500 on every call; the lint refuses it.
 */
import * as ts from 'typescript';
import type { AuthModuleFacts } from './types';

/** The export's name (also what @connectorkit/runtime documents). */
export const SECURITY_NAMES_EXPORT = 'securityNames';

export function readAuthNames(program: ts.Program, file: string, rel: (f: string) => string): AuthModuleFacts {
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file) ?? program.getSourceFiles().find((s) => s.fileName.replace(/\.(d\.)?ts$/, '') === file.replace(/\.(d\.)?ts$/, ''));
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  const exported = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === SECURITY_NAMES_EXPORT);
  if (!sf || !exported) return { file: rel(file) };
  const names = new Set<string>();
  const collect = (t: ts.Type): boolean => {
    if (t.isStringLiteral()) return (names.add(t.value), true);
    if (t.isUnion()) return t.types.every(collect);
    if (checker.isTupleType(t) || checker.isArrayType(t)) return checker.getTypeArguments(t as ts.TypeReference).every(collect);
    return false;
  };
  const type = checker.getTypeOfSymbolAtLocation(exported, sf);
  return collect(type) ? { file: rel(file), securityNames: [...names].sort() } : { file: rel(file) };
}
