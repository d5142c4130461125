import type { CurveEvidence } from "./analyze-curve";
import { fmt } from "./format-number";
import { VERDICT_RULES } from "./verdict-rules";

const W = VERDICT_RULES.maxAbruptWidth;
/** z_{0.95} + z_{0.95}: an error this many times smaller than δ lets a point at the reference show ±δ with room. */
const ERROR_RATIO = 3.3;

/**
 * For a curve the data do not decide, the measurement that would: more sizes
 * when there are too few, a size inside the unmeasured stretch where the fitted
 * rise happens, a size beyond the range when the rise runs off its end, or
 * smaller errors (more items) when the sizes are there but the noise hides the shape.
 */
export function whatWouldDecide(e: CurveEvidence, rises: boolean): string {
  const curve = e.prepared.curve;
  if (curve === null) {
    const missing = Math.max(1, VERDICT_RULES.minScales - e.prepared.scales);
    if (e.prepared.scales > VERDICT_RULES.maxScales) return `a family of at most ${VERDICT_RULES.maxScales} sizes: split this one, or select the sizes to compare`;
    return e.prepared.scales < VERDICT_RULES.minScales
      ? `${missing} more size(s) of this family, spread over at least two decades of scale`
      : "standard errors for these results (or n, the number of items), or more sizes to estimate the noise from";
  }
  const t = curve.t;
  const n = t.length;
  const tr = e.transition;
  if (!rises || tr === null) {
    return e.margin === null
      ? "a clearer trend: this metric has no bounded range, so staying flat cannot be shown; more sizes or smaller errors would"
      : `smaller errors: at most ±${fmt(e.margin / ERROR_RATIO)} at every size (more items per evaluation) would show whether the curve stays within ±${fmt(e.margin)} or rises`;
  }
  const center = tr.best.t0 ?? (t[0] + t[n - 1]) / 2;
  const width = tr.best.width ?? W;
  if (center > t[n - 1]) return `a model larger than ${fmt(10 ** t[n - 1])}: the fitted rise continues past the largest size`;
  if (center < t[0]) return `a model smaller than ${fmt(10 ** t[0])}: the fitted rise begins before the smallest size`;
  const region: [number, number] = [center - width / 2, center + width / 2];
  let gap: [number, number] | null = null;
  for (let i = 0; i + 1 < n; i++) {
    const overlaps = t[i + 1] >= region[0] && t[i] <= region[1];
    if (overlaps && t[i + 1] - t[i] >= W / 2 && (gap === null || t[i + 1] - t[i] > gap[1] - gap[0])) gap = [t[i], t[i + 1]];
  }
  if (gap !== null) {
    return `a model between ${fmt(10 ** gap[0])} and ${fmt(10 ** gap[1])}: the fitted rise (midpoint ≈ ${fmt(10 ** center)}) falls where no size was measured`;
  }
  return `smaller errors at the sizes around ${fmt(10 ** center)} (more items per evaluation): the sizes there are measured, but their errors cannot tell a rise over ${W} decade from a sharper one`;
}
