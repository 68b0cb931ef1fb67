/**
 * Reads `@WebhookTrigger<T>(options)` and `@PollingTrigger(options)` (from `connectorkit/runtime`) off controller
 * methods, on the SAME TypeScript nodes tsoa parsed. Options must be JSON literals (like @ParamExtension). The
 * webhook's payload type argument is resolved with tsoa's own TypeResolver, which also registers it in the
 * metadata's referenceTypeMap, so the spec gets its definition even when no operation returns it.
 */
import * as ts from 'typescript';
import { TypeResolver } from '@tsoa/cli/dist/metadataGeneration/typeResolver';
import type { MetadataGenerator } from '@tsoa/cli/dist/metadataGeneration/metadataGenerator';
import { decoratorName, literalValue, NOT_LITERAL } from './param-extensions';
import type { SourceLocation, TriggerDecl } from './types';

export const TRIGGER_DECORATORS = { webhook: 'WebhookTrigger', polling: 'PollingTrigger' } as const;

export function readTriggerDecorators(gen: MetadataGenerator, at: (n: ts.Node) => SourceLocation): TriggerDecl[] {
  const out: TriggerDecl[] = [];
  for (const node of gen.controllerNodes) {
    const controller = node.name?.text ?? '(anonymous)';
    for (const m of node.members) {
      if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name)) continue;
      for (const d of ts.getDecorators(m) ?? []) {
        const name = decoratorName(d);
        const kind = name === TRIGGER_DECORATORS.webhook ? 'webhook' : name === TRIGGER_DECORATORS.polling ? 'polling' : undefined;
        if (!kind) continue;
        const call = d.expression as ts.CallExpression;
        const decl: TriggerDecl = { kind, controller, method: m.name.text, ...at(d), options: {} };
        const arg = call.arguments[0];
        const options = arg ? literalValue(arg) : {};
        if (options === NOT_LITERAL || typeof options !== 'object' || options === null || Array.isArray(options) || call.arguments.length > 1) {
          decl.issue = `@${name} on ${controller}.${decl.method} takes one object literal of options (JSON literals only)`;
        } else {
          decl.options = options as Record<string, unknown>;
        }
        if (kind === 'webhook') {
          const typeArg = call.typeArguments?.[0];
          if (!typeArg) decl.issue ??= `@WebhookTrigger on ${controller}.${decl.method} needs the payload type: @WebhookTrigger<Payload>(…)`;
          else {
            try {
              decl.payload = new TypeResolver(typeArg, gen, m).resolve();
            } catch (e) {
              decl.issue ??= `@WebhookTrigger<${typeArg.getText()}> on ${controller}.${decl.method}: tsoa cannot resolve the payload type (${(e as Error).message})`;
            }
          }
        }
        out.push(decl);
      }
    }
  }
  return out;
}
