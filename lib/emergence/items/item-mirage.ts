import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { AnalyzeOptions } from "../types";
import { compareMetrics } from "../compare-metrics";
import { sharedItemKeys, toItemCurve, type ItemScore } from "./to-item-curve";

export type ItemMirage = {
  /** the items every score has under every model: the only ones re-aggregated */
  items: number;
  /** compareMetrics over the curves re-aggregated from those items under each score; null without a continuous score */
  comparison: FamilyComparison | null;
  /** one sentence: what the sharp metric adds over the continuous scores of the same outputs */
  adds: string;
};

type Base = { id: string; groupId: string; family: string; filter: string; chance: (score: ItemScore) => number | null };

/**
 * The mirage test (Schaeffer et al. 2023) on the items themselves: the same
 * models and the same items re-aggregated under the sharp score and under each
 * continuous one, each curve judged by the same verdict rules. A jump the sharp
 * metric shows and no continuous score of the same outputs shows is made by the
 * metric; one that every score shows is in the outputs.
 */
export function compareItemScores(sharp: ItemScore, continuous: ItemScore[], base: Base, options: AnalyzeOptions = {}): ItemMirage {
  if (continuous.length === 0) return { items: 0, comparison: null, adds: `no continuous score of these items: store one beside ${sharp.name} (or targets and responses) to run the mirage test` };
  const scores = [sharp, ...continuous];
  const keys = sharedItemKeys(scores);
  const byMetric = scores.map((score) => ({
    metric: score.name,
    filter: base.filter,
    curves: [toItemCurve(score, keys, { id: base.id, groupId: base.groupId, family: base.family, chance: base.chance(score) })],
  }));
  const [comparison] = compareMetrics(byMetric, options);
  return { items: keys.size, comparison: comparison ?? null, adds: describeAdds(comparison ?? null, sharp.name) };
}

function describeAdds(comparison: FamilyComparison | null, sharp: string): string {
  if (comparison === null || comparison.models.length === 0) return "no model has every score of these items";
  if (!comparison.decided) return `cannot say what ${sharp} adds: ${comparison.statement}`;
  const [head, ...others] = comparison.byMetric;
  const also = others.filter((o) => o.analysis.verdict === "abrupt").map((o) => o.metric);
  const rest = others.map((o) => `${o.analysis.verdict} under ${o.metric}`).join(", ");
  if (head.analysis.verdict !== "abrupt") return `${sharp} adds no jump: it reads ${head.analysis.verdict}, and ${rest}`;
  if (also.length === 0) return `the jump is made by ${sharp}: the same outputs read ${rest}`;
  return `the jump is in the outputs, not only in ${sharp}: ${also.join(", ")} ${also.length === 1 ? "reads" : "read"} abrupt too`;
}
