import type { Flag, Verdict } from "@/lib/schemas/analysis";
import type { CurveEvidence } from "./analyze-curve";
import { describeEvidence, endpoints, orientedImprovement } from "./describe-evidence";
import { fmt } from "./format-number";
import { normalQuantile } from "./normal-quantile";
import { VERDICT_RULES } from "./verdict-rules";
import { whatWouldDecide } from "./what-would-decide";

export type Judgement = { verdict: Verdict; reasons: string[]; flags: Flag[]; decide: string | null };

const ALPHA = VERDICT_RULES.alpha;
const W = VERDICT_RULES.maxAbruptWidth;

/**
 * Whether the fitted rise across the measured range is real and material: larger than
 * its noise (one-sided at α, the first and last fitted levels each carrying its point's
 * error and the between-model scatter) and, for a bounded metric, at least δ.
 */
function riseHolds(e: CurveEvidence): { holds: boolean; rise: number; why: string } {
  const curve = e.prepared.curve;
  const tr = e.transition;
  if (curve === null || tr === null) return { holds: false, rise: 0, why: "no fit" };
  const [start, end] = endpoints(e);
  const rise = end - start;
  const n = curve.se.length;
  const noise = Math.sqrt(curve.se[0] ** 2 + curve.se[n - 1] ** 2 + 2 * tr.tau2);
  if (rise <= normalQuantile(1 - ALPHA) * noise) return { holds: false, rise, why: `the fitted rise ${fmt(rise)} is within its noise (±${fmt(noise)})` };
  if (e.margin !== null && rise < e.margin) return { holds: false, rise, why: `the fitted rise ${fmt(rise)} is smaller than the margin δ = ${fmt(e.margin)}` };
  return { holds: true, rise, why: "" };
}

/**
 * The verdict, the first rule that holds (docs/verdicts.md states each as a claim):
 * 1. suspect-zero: every value exactly 0 while another family of the same view is
 *    clearly above the floor at a size this one reaches (judge-view.ts);
 * 2. cannot-tell: fewer than 5 sizes, no errors and fewer than 8, or no direction
 *    (then only "flat" can still be shown);
 * 3. declining: the slope t-test (n − 2 dof) is significantly negative and the best point precedes the worst;
 * 4. near-floor: every point within ±δ of chance (equivalence test);
 * 5. flat: every point within ±δ of the curve's own level;
 * 6. abrupt: the sharpness test rejects every curve with a 10–90 % rise of W decades or
 *    more, and the rise is real and at least δ;
 * 7. smooth: the slope is significantly positive, the test rejects every rise narrower
 *    than W, and the rise is real and at least δ;
 * 8. cannot-tell otherwise, saying what measurement would decide.
 */
/** "the score improves from 0.25 to 0.8", in metric units along the transition fit. */
function change(e: CurveEvidence): string {
  const dir = e.prepared.curve?.dir ?? 1;
  const [start, end] = endpoints(e);
  return `the score improves from ${fmt(dir * start)} to ${fmt(dir * end)}`;
}

export function decideVerdict(e: CurveEvidence, suspectZero: string | null): Judgement {
  const flags: Flag[] = [...e.prepared.flags];
  if (e.points.some((p) => p.vsChance === "below")) flags.push("below-chance");
  const notes = e.prepared.notes;
  const evidence = describeEvidence(e);
  const done = (verdict: Verdict, reason: string, decide: string | null = null): Judgement => ({
    verdict,
    reasons: [`${verdict}: ${reason}`, ...evidence, ...notes],
    flags,
    decide,
  });
  if (suspectZero !== null) return done("suspect-zero", suspectZero);
  if (e.prepared.curve === null) return done("cannot-tell", e.prepared.insufficient ?? "no curve", whatWouldDecide(e, false));

  const eq = e.equivalence;
  if (e.input.metric.higherIsBetter === null) {
    if (eq?.level.passed) return done("flat", `every point is within ±${fmt(eq.level.margin)} of ${fmt(eq.level.value)} (equivalence tests at α = ${ALPHA})`);
    return done("cannot-tell", "whether higher is better is unknown for this metric (neither the file nor the registry says), so no rise or decline can be judged", "the metric's direction: add it to data/registry/metrics.csv, or upload lm-eval files with higher_is_better");
  }
  const dir = e.prepared.curve.dir;
  const slope = e.slope;
  if (slope !== null && slope.pValue < ALPHA && slope.estimate < 0 && orientedImprovement(e) < 0) {
    const lower = dir === -1 ? "lower is better; " : "";
    return done("declining", `performance gets worse with scale (${lower}slope ${fmt(dir * slope.estimate)} per decade, t = ${fmt(slope.t)} with ${slope.dof} dof, two-sided p = ${fmt(slope.pValue)})`);
  }
  if (eq?.floor?.passed) {
    return done("near-floor", `every point is within ±${fmt(eq.floor.margin)} of chance ${fmt(dir * eq.floor.value)} (equivalence tests at α = ${ALPHA}; the data show ±${fmt(eq.floor.shown)})`);
  }
  if (eq?.level.passed) {
    return done("flat", `every point is within ±${fmt(eq.level.margin)} of ${fmt(dir * eq.level.value)} (equivalence tests at α = ${ALPHA}; the data show ±${fmt(eq.level.shown)})`);
  }
  const tr = e.transition!;
  const rise = riseHolds(e);
  const width = tr.width.upper === null ? "unbounded" : `at most ${fmt(tr.width.upper)}`;
  if (tr.pAbrupt < ALPHA && rise.holds) {
    const first = e.points[0];
    if (e.input.chance !== null && first.vsChance === "above") flags.push("above-chance-before-jump");
    const from = flags.includes("above-chance-before-jump") ? `from a plateau already above chance ${fmt(e.input.chance as number)} ` : "";
    return done("abrupt", `${change(e)} ${from}within a transition narrower than ${W} decade (10–90 % width ${fmt(tr.width.estimate ?? Number.NaN)}, 95 % upper bound ${width}); every smoother curve is rejected (p = ${fmt(tr.pAbrupt)} < ${ALPHA})`);
  }
  const risesSignificantly = slope !== null && slope.pValue < ALPHA && slope.estimate > 0;
  if (risesSignificantly && tr.pSmooth < ALPHA && rise.holds) {
    return done("smooth", `${change(e)} over a transition of ${W} decade or more (10–90 % width at least ${fmt(tr.width.lower)}); every rise narrower than ${W} decade is rejected (p = ${fmt(tr.pSmooth)} < ${ALPHA})`);
  }
  const why = !rise.holds
    ? `${rise.why}, and the curve is not shown to stay within ±${e.margin === null ? "a margin" : fmt(e.margin)} of a level`
    : `${change(e)}: that fits both a transition narrower than ${W} decade and a wider one (p(sharper) = ${fmt(tr.pAbrupt)}, p(wider) = ${fmt(tr.pSmooth)}${risesSignificantly ? "" : `, slope p = ${fmt(slope?.pValue ?? 1)}`})`;
  return done("cannot-tell", why, whatWouldDecide(e, rise.holds));
}
