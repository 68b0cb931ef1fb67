import type { HttpRequest } from '@azure/functions';

/** The only scheme this module handles. */
export const securityNames = ['entra'] as const;

export async function authenticate(_request: HttpRequest, securityName: string): Promise<unknown> {
  return { securityName };
}
