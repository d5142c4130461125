import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { toFitted, type CurveEvidence } from "./analyze-curve";
import { endpoints } from "./describe-evidence";
import type { Judgement } from "./verdict";
import { VERDICT_RULES } from "./verdict-rules";

/** A finite number or null: no NaN or ±Infinity is ever stored as evidence. */
const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

function toThreshold(e: CurveEvidence): CurveAnalysis["threshold"] {
  const curve = e.prepared.curve;
  const tr = e.transition;
  if (curve === null || tr === null || tr.best.t0 === null || tr.best.width === null) return null;
  const [first, last] = [curve.t[0], curve.t[curve.t.length - 1]];
  // a sigmoid as wide as the whole range is a trend, not a transition at a scale
  if (tr.best.width > last - first) return null;
  const t0 = tr.midpoint?.estimate ?? tr.best.t0;
  if (t0 < first) return { x: 10 ** first, interval: null, censored: "below" };
  if (t0 > last) return { x: 10 ** last, interval: null, censored: "above" };
  const mid = tr.midpoint;
  const interval = mid === null ? null : ([10 ** mid.interval[0], 10 ** mid.interval[1]] as [number, number]);
  return { x: 10 ** t0, interval, censored: null };
}

/** The equivalence test that decided (floor, else level), or the floor's when neither passed. */
function toEquivalence(e: CurveEvidence, dir: number): CurveAnalysis["equivalence"] {
  if (e.equivalence === null) return null;
  const { floor, level } = e.equivalence;
  const shown = floor?.passed ? floor : level.passed ? level : (floor ?? level);
  return { ...shown, value: dir * shown.value };
}

/** The stored, JSON-safe analysis of one curve: its evidence in metric units and its judgement. */
export function toCurveAnalysis(e: CurveEvidence, judgement: Judgement): CurveAnalysis {
  const curve = e.prepared.curve;
  const tr = e.transition;
  const dir = curve?.dir ?? 1;
  const [start, end] = endpoints(e);
  const forms = e.forms;
  return {
    family: e.input.family,
    ...judgement,
    scales: e.prepared.scales,
    points: e.points,
    higherIsBetter: e.input.metric.higherIsBetter,
    chance: e.input.chance,
    transition:
      tr === null || curve === null
        ? null
        : {
            tau: Math.sqrt(tr.tau2),
            start: dir * start,
            end: dir * end,
            width: { estimate: finite(tr.width.estimate), lower: tr.width.lower, upper: finite(tr.width.upper) },
            pAbrupt: tr.pAbrupt,
            pSmooth: tr.pSmooth,
            statistic: tr.statistic,
          },
    slope: e.slope === null || curve === null ? null : { ...e.slope, estimate: dir * e.slope.estimate, t: finite(e.slope.t) ?? 0 },
    equivalence: toEquivalence(e, dir),
    breakthroughness: {
      bigbench: finite(e.breakthroughness.bigbench),
      linearity: finite(e.breakthroughness.linearity),
      robust: finite(e.breakthroughness.robust),
      interval: e.breakthroughness.interval,
    },
    fits: forms?.summaries ?? [],
    best: forms?.best ?? null,
    deltaAicc: finite(forms?.deltaAicc),
    threshold: toThreshold(e),
    fitted: curve === null || tr === null ? [] : toFitted(curve, tr),
    rules: { alpha: VERDICT_RULES.alpha, maxAbruptWidth: VERDICT_RULES.maxAbruptWidth, equivalenceMargin: e.margin },
    seed: e.seed,
  };
}
