/**
 * One workaround in tsoa 6.6.0's TypeResolver (still present upstream): `getModelTypeDeclarations` drops every
 * declaration from TypeScript's lib files when a type has more than one, so a model that extends `Error` crashes the
 * metadata pass ("Cannot use 'in' operator to search for 'typeParameters' in undefined") as soon as the lib is
 * ES2022 (lib.es5 and lib.es2022.error both declare Error). tsoa's default options load only lib.es5's Error; this
 * keeps exactly that declaration, so the model reads as `tsoa spec` reads it (name, message, stack).
 */
import * as ts from 'typescript';
import { TypeResolver } from '@tsoa/cli/dist/metadataGeneration/typeResolver';

type Resolver = {
  getModelTypeDeclarations(type: ts.EntityName): ts.Node[];
  getSymbolAtLocation(type: ts.Node): ts.Symbol | undefined;
  nodeIsUsable(node: ts.Node): boolean;
};

const PATCHED = Symbol.for('connectorkit.tsoa-lib-declarations');

export function patchTsoa(): void {
  const proto = TypeResolver.prototype as unknown as Resolver & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const original = proto.getModelTypeDeclarations;
  proto.getModelTypeDeclarations = function (this: Resolver, type: ts.EntityName): ts.Node[] {
    const found = original.call(this, type);
    if (found.length) return found;
    const name = ts.isIdentifier(type) ? type.text : type.right.text;
    const libOnly = (this.getSymbolAtLocation(type)?.getDeclarations() ?? []).filter(
      (d) => this.nodeIsUsable(d) && (d as { name?: ts.Node }).name?.getText() === name && /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]lib\./i.test(d.getSourceFile().fileName),
    );
    // The first lib declaration is lib.es5's (the one tsoa's default ES5 lib holds).
    return libOnly.slice(0, 1);
  };
}
