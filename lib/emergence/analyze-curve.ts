import type { AnalysedPoint, FitSummary } from "@/lib/schemas/analysis";
import { bootstrapIntervals } from "./bootstrap-intervals";
import { bigbenchBreakthroughness, improvement, robustBreakthroughness, smoothReference } from "./breakthroughness";
import { testAgainstChance } from "./chance-test";
import { createFitDesign } from "./fit-design";
import { fitForms, predict, type FormsResult } from "./fit-forms";
import { hashSeed } from "./hash-seed";
import { normalUpperTail } from "./normal-tail";
import { prepareCurve } from "./prepare-curve";
import { median } from "./quantile";
import { createRandom } from "./random";
import { smoothNullTest } from "./smooth-null-test";
import { smoothScoreCutoff } from "./smooth-score-cutoff";
import type { CurveInput, PreparedResult } from "./types";

/** Threshold intervals refit the winning form on at most this many draws (speed; see bootstrap-intervals.ts). */
export const MAX_REFIT_DRAWS = 200;
const FITTED_POINTS = 60;

export type CurveEvidence = {
  input: CurveInput;
  seed: number;
  prepared: PreparedResult;
  points: AnalysedPoint[];
  breakthroughness: { bigbench: number | null; robust: number | null; interval: [number, number] | null; smoothCutoff: number | null };
  fits: FitSummary[];
  best: FormsResult["best"];
  deltaAicc: number | null;
  threshold: { x: number; interval: [number, number] | null } | null;
  test: { statistic: number; pValue: number; draws: number } | null;
  /** weighted linear slope per decade of x in metric units, and its two-sided p (χ²-inflated) */
  slope: { estimate: number; pValue: number } | null;
  /** BIG-bench I(y) on oriented values: > 0 improves with scale */
  gain: number | null;
  fitted: { x: number; y: number }[];
};

/**
 * Everything about one curve that does not depend on the other curves:
 * per-point uncertainty and chance tests, breakthroughness, fits, bootstrap
 * intervals and the smooth-null p-value. The multiple-comparison adjustment and
 * the verdict need the whole batch and happen in analyzeCurves.
 */
export function analyzeCurve(input: CurveInput, options: { seed: number; bootstrap: number; alpha: number }): CurveEvidence {
  const seed = hashSeed(input.id, options.seed);
  const prepared = prepareCurve(input);
  const dir = input.metric.higherIsBetter === false ? -1 : 1;
  const labels = testAgainstChance(prepared.points, input.chance, dir, options.alpha);
  const points = prepared.points.map((p, i) => ({ ...p, vsChance: labels[i] }));
  const curve = prepared.curve;
  const base: CurveEvidence = {
    input,
    seed,
    prepared,
    points,
    breakthroughness: { bigbench: null, robust: null, interval: null, smoothCutoff: null },
    fits: [],
    best: null,
    deltaAicc: null,
    threshold: null,
    test: null,
    slope: null,
    gain: null,
    fitted: [],
  };
  if (curve === null) return base;

  const reference = smoothReference(curve.t);
  const seTypical = median(curve.se);
  const bigbench = bigbenchBreakthroughness(Float64Array.from(curve.u, (u) => dir * u));
  const robust = robustBreakthroughness(curve.u, seTypical, reference);
  const design = createFitDesign(curve.t, curve.w, curve.chance, curve.hi);
  const forms = fitForms(curve, design);
  const winner = forms.best === null ? null : forms.fits.find((f) => f.kind === forms.best) ?? null;
  const intervals = bootstrapIntervals(
    curve,
    design,
    winner,
    { seTypical, reference, observed: robust },
    { score: createRandom(hashSeed("score", seed)), refit: createRandom(hashSeed("refit", seed)) },
    { score: options.bootstrap, refit: Math.min(options.bootstrap, MAX_REFIT_DRAWS) },
  );
  const smoothCutoff = smoothScoreCutoff(curve, design, { seTypical, reference }, createRandom(hashSeed("cutoff", seed)), options.bootstrap);
  const test = smoothNullTest(curve, createRandom(hashSeed("null", seed)), options.bootstrap);

  const line = forms.fits[0];
  const n = curve.t.length;
  const sw = curve.w.reduce((a, b) => a + b, 0);
  const det = sw * design.linear.swgg[0] - design.linear.swg[0] ** 2;
  const inflate = curve.sigmaEstimated ? 1 : Math.max(1, line.chi2 / (n - 2));
  const slopeSe = Math.sqrt((sw / det) * inflate);
  const slope = { estimate: dir * line.b, pValue: 2 * normalUpperTail(Math.abs(line.b) / slopeSe) };

  const xs = points.map((p) => Math.log10(p.x));
  const [tMin, tMax] = [Math.min(...xs), Math.max(...xs)];
  const fitted =
    winner === null
      ? []
      : Array.from({ length: FITTED_POINTS }, (_, i) => {
          const t = tMin + ((tMax - tMin) * i) / (FITTED_POINTS - 1);
          return { x: 10 ** t, y: dir * predict(winner, t) };
        });
  const threshold =
    winner !== null && winner.t0 !== null
      ? {
          x: 10 ** winner.t0,
          interval: intervals.threshold === null ? null : ([10 ** intervals.threshold[0], 10 ** intervals.threshold[1]] as [number, number]),
        }
      : null;
  return {
    ...base,
    breakthroughness: { bigbench, robust, interval: intervals.robust, smoothCutoff },
    fits: forms.summaries,
    best: forms.best,
    deltaAicc: forms.deltaAicc,
    threshold,
    test,
    slope,
    gain: improvement(curve.u),
    fitted,
  };
}
