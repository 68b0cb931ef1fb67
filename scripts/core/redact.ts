/**
 * Secrets travel in `Secret`; its value never serialises. Every value wrapped in a Secret is also remembered
 * so output hosts can scrub it from any text they write (defence in depth against a secret reaching a log).
 */
import { inspect } from 'node:util';

const known = new Set<string>();
const MASK = '***';

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
    if (value.length >= 6) known.add(value);
  }
  /** The raw value; call only where it is sent to its destination. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return MASK;
  }
  toJSON(): string {
    return MASK;
  }
  [inspect.custom](): string {
    return 'Secret(***)';
  }
}

/** Registers a value as secret without wrapping (e.g. a token read from a response). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) known.add(value);
}

/** Replaces every known secret value in `text`. */
export function scrub(text: string): string {
  if (known.size === 0) return text;
  let out = text;
  for (const s of known) if (out.includes(s)) out = out.split(s).join(MASK);
  return out;
}
