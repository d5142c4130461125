import { studentUpperTail } from "./student-t";

export type SlopeTest = {
  /** weighted least-squares slope per decade of scale, in oriented units (> 0 improves) */
  estimate: number;
  se: number;
  t: number;
  dof: number;
  /** two-sided p of t with n − 2 degrees of freedom */
  pValue: number;
};

/**
 * The trend test behind "declining" (and the rise "smooth" needs): weighted
 * least squares of u on t = log10(scale) with weights 1/se², the residual
 * variance factor φ = χ² / (n − 2) estimated from the fit, and
 * t = b / sqrt(φ · Σw / (Σw Σwt² − (Σwt)²)) read against Student's t with
 * n − 2 degrees of freedom: exact when the points' variances are known up to
 * a common factor, which also covers model-to-model scatter the errors miss.
 */
export function testSlope(t: ArrayLike<number>, u: ArrayLike<number>, se: ArrayLike<number>): SlopeTest | null {
  const n = t.length;
  if (n < 3) return null;
  let sw = 0;
  let swt = 0;
  let swtt = 0;
  let swu = 0;
  let swtu = 0;
  for (let i = 0; i < n; i++) {
    const w = 1 / (se[i] * se[i]);
    sw += w;
    swt += w * t[i];
    swtt += w * t[i] * t[i];
    swu += w * u[i];
    swtu += w * t[i] * u[i];
  }
  const det = sw * swtt - swt * swt;
  if (!(det > 0)) return null;
  const b = (sw * swtu - swt * swu) / det;
  const a = (swu - b * swt) / sw;
  let chi2 = 0;
  for (let i = 0; i < n; i++) chi2 += (u[i] - a - b * t[i]) ** 2 / (se[i] * se[i]);
  const dof = n - 2;
  const phi = chi2 / dof;
  const slopeSe = Math.sqrt((phi * sw) / det);
  if (!(slopeSe > 0)) {
    return { estimate: b, se: 0, t: b === 0 ? 0 : Math.sign(b) * Infinity, dof, pValue: b === 0 ? 1 : 0 };
  }
  const stat = b / slopeSe;
  return { estimate: b, se: slopeSe, t: stat, dof, pValue: Math.min(1, 2 * studentUpperTail(Math.abs(stat), dof)) };
}
