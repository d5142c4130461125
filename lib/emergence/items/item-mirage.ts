import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { AnalyzeOptions } from "../types";
import { compareMetrics, type MetricCurves } from "../compare-metrics";
import { sharedItemKeys, toItemCurve, type ItemScore } from "./to-item-curve";

export type ItemMirage = {
  /** the items every score has under every model: the only ones re-aggregated */
  items: number;
  /** compareMetrics over the curves re-aggregated from those items under each score; null without a continuous score */
  comparison: FamilyComparison | null;
  /** one sentence: what the sharp metric adds over the continuous scores of the same outputs */
  adds: string;
};

export type MirageBase = { id: string; groupId: string; family: string; filter: string; chance: (score: ItemScore) => number | null };

/**
 * The curves of the mirage test on the items: the sharp score first, then each
 * continuous one, every curve the mean over the same items (those every score has
 * under every model). compareMetrics then judges them over the same models.
 */
export function toItemMetricCurves(scores: ItemScore[], base: MirageBase): { items: number; byMetric: MetricCurves[] } {
  const keys = sharedItemKeys(scores);
  const byMetric = scores.map((score) => ({
    metric: score.name,
    filter: base.filter,
    curves: [toItemCurve(score, keys, { id: base.id, groupId: base.groupId, family: base.family, chance: base.chance(score) })],
  }));
  return { items: keys.size, byMetric };
}

export const NO_CONTINUOUS_SCORE = (sharp: string) =>
  `no continuous score of these items: store one beside ${sharp} (or the targets and responses) to run the mirage test`;

/**
 * The mirage test (Schaeffer et al. 2023) on the items themselves: the same
 * models and the same items re-aggregated under the sharp score and under each
 * continuous one, each curve judged by the same verdict rules. A jump the sharp
 * metric shows and no continuous score of the same outputs shows is made by the
 * metric; one that every score shows is in the outputs.
 */
export function compareItemScores(sharp: ItemScore, continuous: ItemScore[], base: MirageBase, options: AnalyzeOptions = {}): ItemMirage {
  if (continuous.length === 0) return { items: 0, comparison: null, adds: NO_CONTINUOUS_SCORE(sharp.name) };
  const { items, byMetric } = toItemMetricCurves([sharp, ...continuous], base);
  const [comparison] = compareMetrics(byMetric, options);
  return { items, comparison: comparison ?? null, adds: describeAdds(comparison ?? null, sharp.name) };
}

/** What the sharp metric (the comparison's first) adds over the others, in one sentence. */
export function describeAdds(comparison: FamilyComparison | null, sharp: string): string {
  if (comparison === null || comparison.models.length === 0) return "no model has every score of these items";
  if (!comparison.decided) return `cannot say what ${sharp} adds: ${comparison.statement}`;
  const [head, ...others] = comparison.byMetric;
  const also = others.filter((o) => o.analysis.verdict === "abrupt").map((o) => o.metric);
  const rest = others.map((o) => `${o.analysis.verdict} under ${o.metric}`).join(", ");
  if (head.analysis.verdict !== "abrupt") return `${sharp} adds no jump: it reads ${head.analysis.verdict}, and ${rest}`;
  if (also.length === 0) return `the jump is made by ${sharp}: the same outputs read ${rest}`;
  return `the jump is in the outputs, not only in ${sharp}: ${also.join(", ")} ${also.length === 1 ? "reads" : "read"} abrupt too`;
}
