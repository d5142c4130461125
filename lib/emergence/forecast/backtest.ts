import { prepareCurve } from "../prepare-curve";
import type { CurveInput } from "../types";
import { minimumTraining, type ForecastForm } from "./fit-forecast-form";
import { forecastCurve } from "./forecast-curve";
import { splitAtCutoff, toMetricUnits } from "./split-at-cutoff";

export type BacktestOptions = {
  /** models at or above this scale (in the curves' axis units, e.g. FLOPs) are forecast from those below */
  cutoff: number;
  forms: readonly ForecastForm[];
  level: number;
  draws: number;
  seed: number;
};

/** One family's curve forecast by one form: each held-out size, what was measured and what was forecast. */
export type CurveBacktest = {
  id: string;
  /** the task view without its axis: task|metric|shots|filter */
  view: string;
  family: string;
  form: ForecastForm;
  trained: number;
  heldOut: { x: number; observed: number; mean: number; lower: number; upper: number }[];
};

/**
 * Ruan et al. (2024)'s backtest on every curve that has enough sizes on both sides of the
 * cutoff: fit each form on the sizes below it, forecast the ones at or above it with a
 * prediction band (forecastCurve), in the metric's own units. A curve the analysis cannot
 * prepare (fewer than its minimum sizes) is left out, as is a form with too few training sizes.
 */
export function backtestCurves(inputs: CurveInput[], options: BacktestOptions): CurveBacktest[] {
  const out: CurveBacktest[] = [];
  for (const input of inputs) {
    const { curve } = prepareCurve(input);
    const cut = curve && splitAtCutoff(curve, options.cutoff);
    if (!curve || !cut || cut.first === curve.t.length) continue;
    const { train, first } = cut;
    const targets = Array.from(curve.t.subarray(first), (t, j) => ({ t, se: curve.se[first + j] }));
    for (const form of options.forms) {
      if (first < minimumTraining(form, curve.chance)) continue;
      const forecast = forecastCurve(train, targets, { form, level: options.level, draws: options.draws, seed: options.seed });
      if (forecast === null) continue;
      out.push({
        id: input.id,
        view: input.groupId.split("|").slice(0, 4).join("|"),
        family: input.family,
        form,
        trained: first,
        heldOut: forecast.predictions.map((p, j) => ({ ...toMetricUnits(p, curve.dir), observed: curve.dir * curve.u[first + j] })),
      });
    }
  }
  return out;
}

export type BacktestSummary = { key: string; form: ForecastForm; curves: number; points: number; mae: number; coverage: number };

/** Mean absolute error and band coverage over the held-out sizes, per `keyOf` (a view, or "all") and form. */
export function summarizeBacktest(curves: CurveBacktest[], keyOf: (c: CurveBacktest) => string): BacktestSummary[] {
  const groups = new Map<string, BacktestSummary & { absolute: number; inside: number }>();
  for (const c of curves) {
    const key = `${keyOf(c)}\u0000${c.form}`;
    const g = groups.get(key) ?? { key: keyOf(c), form: c.form, curves: 0, points: 0, mae: 0, coverage: 0, absolute: 0, inside: 0 };
    g.curves++;
    for (const p of c.heldOut) {
      g.points++;
      g.absolute += Math.abs(p.observed - p.mean);
      if (p.observed >= p.lower && p.observed <= p.upper) g.inside++;
    }
    groups.set(key, g);
  }
  return [...groups.values()].map(({ absolute, inside, ...g }) => ({ ...g, mae: absolute / g.points, coverage: inside / g.points }));
}
