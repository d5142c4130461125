/** Metrics a researcher usually means first, in order of preference. */
const PREFERRED_METRICS = ["acc", "exact_match", "acc_norm", "pass@1", "mc2", "bleu"];

export function pickDefaultMetric(available: string[]): string | undefined {
  return PREFERRED_METRICS.find((m) => available.includes(m)) ?? available[0];
}

/** Zero-shot when there is one, else the fewest shots, else unknown (null). */
export function pickDefaultShots(available: (number | null)[]): number | null {
  const known = available.filter((s): s is number => s !== null).sort((a, b) => a - b);
  return known.length > 0 ? known[0] : null;
}

/** lm-eval's unfiltered score first, then its primary extraction, then the rest in order. */
const PREFERRED_FILTERS = ["none", "strict-match", "flexible-extract"];

export function pickDefaultFilter(available: string[]): string | undefined {
  return PREFERRED_FILTERS.find((f) => available.includes(f)) ?? [...available].sort()[0];
}
