import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { CurvePointRow } from "../to-curve-inputs";
import { chanceForMetric } from "../chance-for-metric";
import { fmt } from "../format-number";
import type { CurveInput } from "../types";

/**
 * Loss as the scale axis (Du et al. 2024): lower loss is more capable, so the analysis
 * reads a model at x = 1/loss — its log-scale t = −log10(loss) grows as the loss falls,
 * and a reference perplexity's log is the loss in nats, so the axis is linear in nats.
 */
export const toLossX = (loss: number) => 1 / loss;
export const fromLossX = (x: number) => 1 / x;

/** Metric names that measure a loss: lower is more capable, and a model's value can place it. */
export const LOSS_METRIC = /(^|_)(ppl|perplexity|loss|bits_per_byte|bpb|nll)($|_)/i;

/**
 * One curve per family of the view with each model at its reference loss, in the
 * analysis' terms; models without the reference value are returned unplaced.
 */
export function toLossCurves(rows: CurvePointRow[], lossOf: Map<string, number>, groupId: string): { inputs: CurveInput[]; unplaced: CurvePointRow[] } {
  const inputs = new Map<string, CurveInput>();
  const unplaced: CurvePointRow[] = [];
  for (const row of rows) {
    const loss = lossOf.get(row.model);
    if (loss === undefined || !(loss > 0)) {
      unplaced.push(row);
      continue;
    }
    let curve = inputs.get(row.family);
    if (!curve) {
      curve = {
        id: `${groupId}|${row.family}`,
        groupId,
        family: row.family,
        chance: chanceForMetric(row.chance, row, { chance: row.taskMetricChance, source: row.taskMetricChanceSource }),
        metric: {
          higherIsBetter: row.higherIsBetter, lowerBound: row.lowerBound, upperBound: row.upperBound,
          kind: row.kind === "continuous" || row.kind === "discrete" ? row.kind : null,
        },
        points: [],
      };
      inputs.set(row.family, curve);
    }
    curve.points.push({ model: row.model, x: toLossX(loss), value: row.value, stderr: row.stderr, n: row.n });
  }
  return { inputs: [...inputs.values()], unplaced };
}

const NUMBER = "(-?[0-9.]+(?:e[+-]?[0-9]+)?)";
const asLoss = (x: string) => fmt(fromLossX(Number(x)));

/**
 * What would decide a "cannot tell", said of sizes on x = 1/loss, said of losses: a larger
 * x is a lower loss, so "larger than" becomes "a loss below" and an interval's ends swap.
 */
export function decideInLoss(text: string): string {
  return text
    .replace(new RegExp(`a model larger than ${NUMBER}`), (_, x) => `a model with a loss below ${asLoss(x)}`)
    .replace(new RegExp(`a model smaller than ${NUMBER}`), (_, x) => `a model with a loss above ${asLoss(x)}`)
    .replace(new RegExp(`a model between ${NUMBER} and ${NUMBER}`), (_, a, b) => `a model with a loss between ${asLoss(b)} and ${asLoss(a)}`)
    .replace(new RegExp(`midpoint ≈ ${NUMBER}`), (_, x) => `midpoint ≈ a loss of ${asLoss(x)}`)
    .replace(new RegExp(`at the sizes around ${NUMBER}`), (_, x) => `at the losses around ${asLoss(x)}`)
    .replaceAll("the largest size", "the lowest loss")
    .replaceAll("the smallest size", "the highest loss");
}

/** An analysis made on x = 1/loss, read back in loss: points, fit and threshold (whose interval ends swap). */
export function toLossAnalysis(a: CurveAnalysis): CurveAnalysis {
  const t = a.threshold;
  return {
    ...a,
    decide: a.decide && decideInLoss(a.decide),
    points: a.points.map((p) => ({ ...p, x: fromLossX(p.x) })),
    fitted: a.fitted.map((p) => ({ ...p, x: fromLossX(p.x) })),
    threshold: t && {
      x: fromLossX(t.x),
      interval: t.interval && [fromLossX(t.interval[1]), fromLossX(t.interval[0])],
      // below the smallest x is above the largest loss
      censored: t.censored === "below" ? "above" : t.censored === "above" ? "below" : null,
    },
  };
}
