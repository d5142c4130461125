import type { AnalysedPoint, Flag } from "@/lib/schemas/analysis";
import { magnitudeProblem, VALUE_LIMITS } from "@/lib/schemas/number-limits";
import { fmt } from "./format-number";
import { mergeTies } from "./merge-ties";
import { toPointUncertainty } from "./point-uncertainty";
import type { CurveInput, PreparedResult } from "./types";
import { VERDICT_RULES } from "./verdict-rules";

type Uncertain = CurveInput["points"][number] & { se: number | null; source: AnalysedPoint["seSource"] };

function groupByScale(points: Uncertain[]): Uncertain[][] {
  const groups: Uncertain[][] = [];
  for (const p of points) {
    const last = groups[groups.length - 1];
    if (last && last[0].x === p.x) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/**
 * Turns a raw curve into the analysable form (see PreparedCurve): drops points
 * without a finite value or a positive scale, orients the metric, gives every
 * point a standard error (stderr > binomial for proportions > imputed > residual
 * sigma), and merges results that share a scale into one point after checking
 * that they agree (merge-ties.ts), so each scale counts once.
 */
export function prepareCurve(input: CurveInput): PreparedResult {
  const notes: string[] = [];
  const flags: Flag[] = [];
  // values beyond what ingest accepts (a store written before the limits) would overflow the fits
  const inRange = (v: number | null) => v === null || (Number.isFinite(v) && magnitudeProblem(v) === null);
  const valid = input.points.filter((p) => inRange(p.value) && inRange(p.stderr) && Number.isFinite(p.x) && p.x > 0);
  if (valid.length < input.points.length) {
    notes.push(`${input.points.length - valid.length} point(s) without a finite value within ±${VALUE_LIMITS.maxAbs.toExponential().replace("e+", "e")}, or without a positive scale, were ignored`);
  }
  const dir: 1 | -1 = input.metric.higherIsBetter === false ? -1 : 1;
  if (input.metric.higherIsBetter === null) flags.push("direction-unknown");

  const sorted = valid
    .map((p): Uncertain => {
      const u = toPointUncertainty(p, input.metric);
      return { ...p, se: u.se, source: u.source };
    })
    .sort((a, b) => a.x - b.x || a.model.localeCompare(b.model));
  const groups = groupByScale(sorted);
  const merged = groups.map((g) => mergeTies(g, VERDICT_RULES.alpha));
  merged.forEach((m, i) => {
    if (m.conflict) {
      const values = m.conflict.values.map((v, k) => `${m.conflict!.models[k]} ${fmt(v)}`).join(", ");
      notes.push(`results at x = ${fmt(groups[i][0].x)} disagree beyond their errors (${values}; Cochran's Q p = ${fmt(m.conflict.pValue)}): their error was widened to cover the disagreement`);
    }
    if (m.unchecked) notes.push(`results at x = ${fmt(groups[i][0].x)} were averaged without errors to check that they agree`);
  });
  if (merged.some((m) => m.conflict)) flags.push("tie-conflict");
  const scales = groups.length;

  const points: AnalysedPoint[] = sorted.map((p) => ({ model: p.model, x: p.x, value: p.value, se: p.se, seSource: p.source, vsChance: "unknown" }));
  const lo = dir === 1 ? input.metric.lowerBound : input.metric.upperBound === null ? null : -input.metric.upperBound;
  const hi = dir === 1 ? input.metric.upperBound : input.metric.lowerBound === null ? null : -input.metric.lowerBound;
  const chance = input.chance === null ? null : dir * input.chance;
  const result = { points, scales, notes, flags };

  if (scales < VERDICT_RULES.minScales) {
    return { ...result, curve: null, insufficient: `${scales} distinct scale(s), need at least ${VERDICT_RULES.minScales}` };
  }
  if (scales > VERDICT_RULES.maxScales) {
    return { ...result, curve: null, insufficient: `${scales} distinct scales, more than the ${VERDICT_RULES.maxScales} one family's analysis takes` };
  }
  const t = Float64Array.from(groups, (g) => Math.log10(g[0].x));
  const u = Float64Array.from(merged, (m) => dir * m.value);
  const known = sorted.filter((p) => p.se !== null).map((p) => p.se as number);

  let sigmaEstimated = false;
  let se: Float64Array;
  if (known.length === 0) {
    if (scales < VERDICT_RULES.minScalesWithoutSe) {
      return {
        ...result,
        curve: null,
        insufficient: `no standard errors, and too few points to estimate noise (${scales} scales; need ${VERDICT_RULES.minScalesWithoutSe} to estimate it from residuals)`,
      };
    }
    const sigma = residualSigma(t, u, lo, hi);
    sigmaEstimated = true;
    flags.push("errors-estimated");
    se = new Float64Array(scales).fill(sigma);
    for (const p of points) Object.assign(p, { se: sigma, seSource: "residual" });
    notes.push(`no standard errors: a common sigma = ${fmt(sigma)} was estimated from the residuals of the linear fit (${scales - 2} dof)`);
  } else {
    const imputed = Math.max(...known);
    se = Float64Array.from(merged, (m) => m.se ?? imputed);
    const missing = points.filter((p) => p.se === null);
    for (const p of missing) Object.assign(p, { se: imputed, seSource: "imputed" });
    if (missing.length > 0) notes.push(`${missing.length} point(s) without a standard error were given the largest known one (${fmt(imputed)}), a conservative choice`);
  }
  const w = Float64Array.from(se, (s) => 1 / (s * s));
  return { ...result, insufficient: null, curve: { t, u, se, w, dir, chance, lo, hi, sigmaEstimated } };
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
