import type { CurveInput } from "../types";
import type { ItemMatrix } from "./item-matrix";

/** A score of the items: a stored metric, or one computed from the stored outputs (token edit distance). */
export type ItemScore = {
  name: string;
  /** stored: a metric of the files; computed: derived here from target and response */
  source: "stored" | "computed";
  metric: CurveInput["metric"];
  matrix: ItemMatrix;
};

/**
 * The items re-aggregated into one family's curve under a score: each model's
 * point is the mean over `keys` (the items every compared score and model has),
 * with the standard error of that mean across items and n = the item count, so
 * every score is judged on the same items. A model with no item left gets no point.
 */
export function toItemCurve(score: ItemScore, keys: ReadonlySet<string>, base: { id: string; groupId: string; family: string; chance: number | null }): CurveInput {
  const rows = score.matrix.items.filter((item) => keys.has(item.key));
  const points = score.matrix.models.flatMap((model, m) => {
    const values = rows.map((row) => row.values[m]).filter((v): v is number => v !== null);
    const n = values.length;
    if (n === 0) return [];
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : null;
    return [{ model: model.model, x: model.x, value: mean, stderr: variance === null ? null : Math.sqrt(variance / n), n }];
  });
  return { id: `${base.id}|items|${score.name}`, groupId: `${base.groupId}|items|${score.name}`, family: base.family, chance: base.chance, metric: score.metric, points };
}

/** Keys of the items every score has under every model: the shared ground of the mirage test. */
export function sharedItemKeys(scores: ItemScore[]): Set<string> {
  const sets = scores.map((s) => new Set(s.matrix.items.filter((i) => i.values.every((v) => v !== null)).map((i) => i.key)));
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((key) => rest.every((s) => s.has(key))));
}
