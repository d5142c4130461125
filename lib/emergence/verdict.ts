import type { AnalysedPoint, Verdict } from "@/lib/schemas/analysis";
import type { EvidenceSummary } from "./finalize-analyses";
import { fmt } from "./format-number";

export type VerdictInput = EvidenceSummary & {
  pAdjusted: number | null;
  /** the slope's p after Benjamini–Hochberg across the batch */
  slopeAdjusted: number | null;
  suspectZero: string | null;
  alpha: number;
};

/**
 * The verdict and its reasons, the deciding reason first. Rules in order:
 * 1. suspect-zero: all values exactly 0 while another family on the same task view
 *    is clearly above chance at a scale this family also reaches (found in analyzeCurves);
 *    checked first because it flags the data, whatever the number of scales;
 * 2. insufficient: < 5 scales, or no standard errors and < 8 scales;
 * 3. declining: the weighted linear slope in log-x is negative with two-sided p,
 *    Benjamini–Hochberg-adjusted across the batch, < α (se inflated by sqrt(χ²/(n − 2))
 *    when the line fits worse than the errors say) and I(y) < 0 (the best point precedes the worst);
 * 4. flat-at-chance: chance and se known, and no point clearly above chance;
 * 5. abrupt when all agree: (a) Benjamini–Hochberg-adjusted p < α; (b) the robust
 *    breakthroughness's 95% interval lies above the smooth cutoff, the 95th percentile
 *    of the score under the smooth null (see smooth-score-cutoff.ts); (c) the smallest scale is not above chance and the largest is.
 *    With chance unknown (perplexity, BLEU, bias scores) (c) cannot be checked, so the curve is never called abrupt:
 *    the issue's rule is that the score's interval and the chance test must agree;
 * 6. smooth otherwise, led by the first criterion of 5 that failed.
 */
export function decideVerdict(e: VerdictInput): { verdict: Verdict; reasons: string[] } {
  const notes = e.prepared.notes;
  const chance = e.input.chance;
  if (e.suspectZero !== null) return { verdict: "suspect-zero", reasons: [e.suspectZero, ...notes] };
  if (e.prepared.insufficient !== null) return { verdict: "insufficient", reasons: [e.prepared.insufficient, ...notes] };

  const evidence = describeEvidence(e);
  const slopeP = e.slopeAdjusted;
  if (e.slope !== null && e.gain !== null && slopeP !== null && slopeP < e.alpha && e.gain < 0 && e.slope.estimate * dirOf(e) < 0) {
    const reason = `declining: performance gets worse with scale (slope ${fmt(e.slope.estimate)} per decade of x, two-sided p = ${fmt(e.slope.pValue)}, BH-adjusted ${fmt(slopeP)} < ${e.alpha}; I(y) = ${fmt(e.gain * dirOf(e))})`;
    return { verdict: "declining", reasons: [reason, ...evidence, ...notes] };
  }
  const tested = e.points.filter((p) => p.vsChance !== "unknown");
  const above = e.points.filter((p) => p.vsChance === "above");
  if (chance !== null && tested.length > 0 && above.length === 0) {
    const top = bestPoint(e.points, dirOf(e));
    const reason = `flat-at-chance: no point is clearly above chance ${fmt(chance)} (Holm-corrected one-sided z-tests at α = ${e.alpha}; best ${fmt(top.value)} ± ${fmt(top.se ?? Number.NaN)} at x = ${fmt(top.x)})`;
    return { verdict: "flat-at-chance", reasons: [reason, ...evidence, ...notes] };
  }

  const failures: string[] = [];
  const pAdj = e.pAdjusted;
  if (pAdj === null || e.test === null) failures.push("no test against the smooth fit: no nonlinear form has a defined AICc at this n");
  else if (pAdj >= e.alpha) failures.push(`Benjamini–Hochberg-adjusted p = ${fmt(pAdj)} ≥ ${e.alpha} (raw p = ${fmt(e.test.pValue)}, nonlinear AICc gain ${fmt(e.test.statistic)} over linear)`);
  const { interval, smoothCutoff, robust } = e.breakthroughness;
  if (interval === null || smoothCutoff === null) failures.push("no interval for the robust breakthroughness");
  else if (interval[0] <= smoothCutoff) failures.push(`robust breakthroughness ${fmt(robust ?? Number.NaN)} [${fmt(interval[0])}, ${fmt(interval[1])}] does not clear the smooth cutoff ${fmt(smoothCutoff)} (95th percentile of the score for straight lines in log-x with these errors)`);
  const sorted = [...e.points].sort((a, b) => a.x - b.x);
  const smallest = sorted.filter((p) => p.x === sorted[0].x);
  const largest = sorted.filter((p) => p.x === sorted[sorted.length - 1].x);
  if (chance !== null) {
    if (smallest.some((p) => p.vsChance === "above")) failures.push(`the smallest model is already above chance ${fmt(chance)} (${fmt(smallest[0].value)} at x = ${fmt(smallest[0].x)}): the ability is present before any threshold`);
    else if (!largest.some((p) => p.vsChance === "above")) failures.push(`the largest model is not clearly above chance ${fmt(chance)}`);
  } else {
    failures.push("chance level unknown for this metric: abrupt needs small models at chance and larger ones clearly above it");
  }
  if (failures.length === 0) {
    const chanceText = chanceSummary(sorted, chance as number);
    const reason = `abrupt: BH-adjusted p = ${fmt(pAdj as number)} < ${e.alpha}, robust breakthroughness [${fmt((interval as [number, number])[0])}, ${fmt((interval as [number, number])[1])}] above the smooth cutoff ${fmt(smoothCutoff as number)}, ${chanceText}`;
    return { verdict: "abrupt", reasons: [reason, ...evidence, ...notes] };
  }
  const [first, ...rest] = failures;
  const extra = chance === null ? ["chance level unknown: the per-point chance test could not be run"] : [];
  if (e.slope !== null && (slopeP ?? 1) >= e.alpha) {
    extra.push(`no significant trend with scale (slope ${fmt(e.slope.estimate)} per decade of x, BH-adjusted p = ${fmt(slopeP ?? 1)})`);
  }
  return { verdict: "smooth", reasons: [`smooth: ${first}`, ...rest, ...extra, ...evidence, ...notes] };
}

function dirOf(e: EvidenceSummary): 1 | -1 {
  return e.input.metric.higherIsBetter === false ? -1 : 1;
}

function bestPoint(points: AnalysedPoint[], dir: 1 | -1): AnalysedPoint {
  return points.reduce((best, p) => (dir * p.value > dir * best.value ? p : best), points[0]);
}

function chanceSummary(sorted: AnalysedPoint[], chance: number): string {
  const firstAbove = sorted.find((p) => p.vsChance === "above") as AnalysedPoint;
  const lastAt = [...sorted].reverse().find((p) => p.x < firstAbove.x && p.vsChance !== "above");
  const atText = lastAt ? `at chance ${fmt(chance)} up to x = ${fmt(lastAt.x)}` : `at chance ${fmt(chance)} at the smallest scale`;
  return `${atText}, clearly above from x = ${fmt(firstAbove.x)}`;
}

function describeEvidence(e: EvidenceSummary): string[] {
  const out: string[] = [];
  if (e.best !== null) out.push(`best fit by AICc: ${e.best}${e.deltaAicc !== null && e.best !== "linear" ? ` (ΔAICc = ${fmt(e.deltaAicc)} over linear)` : ""}`);
  if (e.threshold !== null) {
    const i = e.threshold.interval;
    out.push(`threshold x ≈ ${fmt(e.threshold.x)}${i ? ` [${fmt(i[0])}, ${fmt(i[1])}]` : ""}`);
  }
  const b = e.breakthroughness;
  out.push(`BIG-bench breakthroughness ${b.bigbench === null ? "infinite (median step 0)" : fmt(b.bigbench)}; robust ${fmt(b.robust ?? Number.NaN)}${b.interval ? ` [${fmt(b.interval[0])}, ${fmt(b.interval[1])}]` : ""}`);
  if (e.test !== null) out.push(`smooth-null test: p = ${fmt(e.test.pValue)} from ${e.test.draws} simulations (statistic: AICc gain of the best nonlinear form, ${fmt(e.test.statistic)})`);
  return out;
}
