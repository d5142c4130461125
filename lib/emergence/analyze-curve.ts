import type { AnalysedPoint } from "@/lib/schemas/analysis";
import { breakthroughnessInterval } from "./bootstrap-intervals";
import { bigbenchBreakthroughness, bigbenchLinearity, robustBreakthroughness, smoothReference } from "./breakthroughness";
import { testAgainstChance } from "./chance-test";
import { testEquivalence, type Equivalence } from "./equivalence-test";
import { createFitDesign } from "./fit-design";
import { fitForms, type FormsResult } from "./fit-forms";
import { hashSeed } from "./hash-seed";
import { prepareCurve } from "./prepare-curve";
import { median } from "./quantile";
import { createRandom } from "./random";
import { testSlope, type SlopeTest } from "./slope-test";
import { createTransitionDesign } from "./transition-design";
import { shapeAt } from "./transition-fit";
import { testTransition, type TransitionTest } from "./transition-test";
import type { CurveInput, PreparedCurve, PreparedResult } from "./types";
import { equivalenceMargin, VERDICT_RULES } from "./verdict-rules";

const FITTED_POINTS = 60;

/** Everything about one curve that its verdict is decided from, in oriented units (improving is up). */
export type CurveEvidence = {
  input: CurveInput;
  seed: number;
  prepared: PreparedResult;
  points: AnalysedPoint[];
  /** δ in metric units, null for metrics without a bounded range */
  margin: number | null;
  transition: TransitionTest | null;
  slope: SlopeTest | null;
  equivalence: { floor: Equivalence | null; level: Equivalence } | null;
  breakthroughness: { bigbench: number | null; linearity: number | null; robust: number | null; interval: [number, number] | null };
  forms: FormsResult | null;
};

/**
 * Everything about one curve that does not depend on any other curve:
 * per-point uncertainty and chance tests, the sharpness test (transition-test.ts),
 * the slope t-test, equivalence to the floor and to a level, breakthroughness with
 * its bootstrap interval, and the functional forms by AICc. Only suspect-zero looks
 * at the other families of the same view (judge-view.ts).
 */
export function analyzeCurve(input: CurveInput, options: { seed: number; bootstrap: number }): CurveEvidence {
  const seed = hashSeed(input.id, options.seed);
  const prepared = prepareCurve(input);
  const dir = input.metric.higherIsBetter === false ? -1 : 1;
  const labels = testAgainstChance(prepared.points, input.chance, dir, VERDICT_RULES.alpha);
  const points = prepared.points.map((p, i) => ({ ...p, vsChance: labels[i] }));
  const margin = equivalenceMargin(input.metric.lowerBound, input.metric.upperBound);
  const base: CurveEvidence = {
    input, seed, prepared, points, margin,
    transition: null, slope: null, equivalence: null,
    breakthroughness: { bigbench: null, linearity: null, robust: null, interval: null },
    forms: null,
  };
  const curve = prepared.curve;
  if (curve === null) return base;

  const transition = testTransition(createTransitionDesign(curve.t, VERDICT_RULES.maxAbruptWidth), curve.u, curve.se, {
    lo: curve.lo,
    hi: curve.hi,
    rising: true,
  });
  const equivalence =
    margin === null
      ? null
      : {
          floor: curve.chance === null ? null : testEquivalence(curve.u, curve.se, { kind: "floor", value: curve.chance }, margin, VERDICT_RULES.alpha),
          level: testEquivalence(curve.u, curve.se, { kind: "level" }, margin, VERDICT_RULES.alpha),
        };
  return {
    ...base,
    transition,
    slope: testSlope(curve.t, curve.u, curve.se),
    equivalence,
    breakthroughness: scoreBreakthroughness(curve, seed, options.bootstrap),
    forms: fitForms(curve, createFitDesign(curve.t, curve.w, curve.chance, curve.hi)),
  };
}

function scoreBreakthroughness(curve: PreparedCurve, seed: number, draws: number): CurveEvidence["breakthroughness"] {
  const reference = smoothReference(curve.t);
  const seTypical = median(curve.se);
  const robust = robustBreakthroughness(curve.u, seTypical, reference);
  const raw = Float64Array.from(curve.u, (u) => curve.dir * u);
  return {
    bigbench: bigbenchBreakthroughness(raw),
    linearity: bigbenchLinearity(raw),
    robust,
    interval: breakthroughnessInterval(curve, { seTypical, reference, observed: robust }, createRandom(hashSeed("score", seed)), draws),
  };
}

/** The transition's best fit on a grid across the measured scales, in data units. */
export function toFitted(curve: PreparedCurve, transition: TransitionTest): { x: number; y: number }[] {
  const [tMin, tMax] = [curve.t[0], curve.t[curve.t.length - 1]];
  return Array.from({ length: FITTED_POINTS }, (_, i) => {
    const t = tMin + ((tMax - tMin) * i) / (FITTED_POINTS - 1);
    return { x: 10 ** t, y: curve.dir * shapeAt(transition.best, t) };
  });
}
