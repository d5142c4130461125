import type { AnalysedPoint } from "@/lib/schemas/analysis";
import { fmt } from "./format-number";
import { toPointUncertainty } from "./point-uncertainty";
import type { CurveInput, PreparedResult } from "./types";

/** Fewer distinct scales than this cannot separate a jump from a trend (SCIENCE.md §1). */
export const MIN_SCALES = 5;
/** Without any standard error, a common sigma is estimated from the residuals of the
 * linear fit (n − 2 degrees of freedom); below 8 scales that leaves ≤ 5 dof, too few. */
export const MIN_SCALES_WITHOUT_SE = 8;

/**
 * Turns a raw curve into the analysable form (see PreparedCurve): drops points
 * without a finite value or a positive scale, orients the metric, gives every
 * point a standard error (stderr > binomial > imputed > residual sigma), and
 * averages points that share a scale (inverse-variance weighted mean when all
 * have a se, plain mean otherwise) so each scale counts once in fits and scores.
 */
export function prepareCurve(input: CurveInput): PreparedResult {
  const notes: string[] = [];
  const valid = input.points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.x) && p.x > 0);
  if (valid.length < input.points.length) {
    notes.push(`${input.points.length - valid.length} point(s) without a finite value or a positive scale were ignored`);
  }
  const dir: 1 | -1 = input.metric.higherIsBetter === false ? -1 : 1;
  if (input.metric.higherIsBetter === null) notes.push("direction unknown: assumed higher is better");

  const uncertain = valid.map((p) => ({ ...p, ...toPointUncertainty(p, input.metric) }));
  const known = uncertain.filter((p) => p.se !== null).map((p) => p.se as number);
  const sorted = [...uncertain].sort((a, b) => a.x - b.x || a.model.localeCompare(b.model));
  const groups: (typeof sorted)[] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].x === p.x) last.push(p);
    else groups.push([p]);
  }
  const scales = groups.length;
  if (groups.some((g) => g.length > 1)) notes.push("points sharing a scale were averaged into one");

  const points: AnalysedPoint[] = sorted.map((p) => ({
    model: p.model,
    x: p.x,
    value: p.value,
    se: p.se,
    seSource: p.source,
    vsChance: "unknown",
  }));
  const lo = dir === 1 ? input.metric.lowerBound : input.metric.upperBound === null ? null : -input.metric.upperBound;
  const hi = dir === 1 ? input.metric.upperBound : input.metric.lowerBound === null ? null : -input.metric.lowerBound;
  const chance = input.chance === null ? null : dir * input.chance;

  if (scales < MIN_SCALES) {
    return { points, scales, notes, curve: null, insufficient: `insufficient: ${scales} distinct scale(s), need at least ${MIN_SCALES}` };
  }
  const t = Float64Array.from(groups, (g) => Math.log10(g[0].x));
  const u = Float64Array.from(groups, (g) => {
    const allKnown = g.every((p) => p.se !== null);
    const weights = g.map((p) => (allKnown ? 1 / (p.se as number) ** 2 : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    return (dir * g.reduce((sum, p, i) => sum + weights[i] * p.value, 0)) / total;
  });
  const groupSe = groups.map((g) =>
    g.every((p) => p.se !== null) ? 1 / Math.sqrt(g.reduce((s, p) => s + 1 / (p.se as number) ** 2, 0)) : null,
  );

  let sigmaEstimated = false;
  let se: Float64Array;
  if (known.length === 0) {
    if (scales < MIN_SCALES_WITHOUT_SE) {
      return {
        points,
        scales,
        notes,
        curve: null,
        insufficient: `insufficient: no standard errors, and too few points to estimate noise (${scales} scales; need ${MIN_SCALES_WITHOUT_SE} to estimate it from residuals)`,
      };
    }
    const sigma = residualSigma(t, u, lo, hi);
    sigmaEstimated = true;
    se = new Float64Array(scales).fill(sigma);
    for (const p of points) Object.assign(p, { se: sigma, seSource: "residual" });
    notes.push(`no standard errors: a common sigma = ${fmt(sigma)} was estimated from the residuals of the linear fit (${scales - 2} dof)`);
  } else {
    const imputed = Math.max(...known);
    se = Float64Array.from(groupSe, (s) => s ?? imputed);
    const missing = points.filter((p) => p.se === null);
    for (const p of missing) Object.assign(p, { se: imputed, seSource: "imputed" });
    if (missing.length > 0) notes.push(`${missing.length} point(s) without a standard error were given the largest known one (${fmt(imputed)}), a conservative choice`);
  }
  const w = Float64Array.from(se, (s) => 1 / (s * s));
  return { points, scales, notes, insufficient: null, curve: { t, u, se, w, dir, chance, lo, hi, sigmaEstimated } };
}

/** sqrt(RSS / (n − 2)) of the ordinary least-squares line, floored at 1e-3 of the metric's
 * range (or of the largest |value|) so an exactly flat curve still has a finite weight. */
function residualSigma(t: Float64Array, u: Float64Array, lo: number | null, hi: number | null): number {
  const n = t.length;
  const mt = t.reduce((a, b) => a + b, 0) / n;
  const mu = u.reduce((a, b) => a + b, 0) / n;
  let stt = 0;
  let stu = 0;
  for (let i = 0; i < n; i++) {
    stt += (t[i] - mt) ** 2;
    stu += (t[i] - mt) * (u[i] - mu);
  }
  const slope = stt > 0 ? stu / stt : 0;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (u[i] - mu - slope * (t[i] - mt)) ** 2;
  const scale = lo !== null && hi !== null ? hi - lo : Math.max(...Array.from(u, Math.abs));
  return Math.max(Math.sqrt(rss / (n - 2)), 1e-3 * scale, 1e-12);
}
