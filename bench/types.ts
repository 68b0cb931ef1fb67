/**
 * A bench file `bench/<area>.bench.ts` exports `bench(): Promise<BenchLine[]>`. Each line is one target, measured
 * as a ratio (or an absolute figure) against a baseline measured in the same run.
 */
export interface BenchLine {
  /** What is measured, e.g. "build vs tsoa spec-and-routes (200 ops)". */
  name: string;
  /** The measured figure with unit, e.g. "3.41 s" or "0.21 ms". */
  value: string;
  /** The baseline figure with unit, or '-' for absolute targets. */
  baseline: string;
  /** value/baseline (or the absolute value in the target's unit). */
  ratio: number;
  /** Human target, e.g. "≤ 1.3×" or "≤ 0.5 s". */
  target: string;
  pass: boolean;
  /** Extra facts (sizes, counts). */
  note?: string;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Percentile (0–100) of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
