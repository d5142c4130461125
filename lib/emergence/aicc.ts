/**
 * Small-sample Akaike criterion (Hurvich & Tsai 1989; Burnham & Anderson 2002, §2.4)
 * for a fit with p parameters to n points:
 * - standard errors known: AICc = χ² + 2p + 2p(p + 1)/(n − p − 1), χ² = Σ (r/se)²
 *   (−2 log L up to a constant shared by all fits of the curve);
 * - sigma estimated from residuals: AICc = n ln(RSS/n) + 2K + 2K(K + 1)/(n − K − 1)
 *   with K = p + 1 counting σ, RSS = χ² · σ² (unweighted residual sum of squares).
 *   χ² is floored at 1e-9·n: below that every form fits exactly and ln would amplify rounding.
 * Null when n − K − 1 ≤ 0 (the correction is undefined).
 */
export function aicc(chi2: number, n: number, p: number, sigma2: number | null): number | null {
  const k = sigma2 === null ? p : p + 1;
  if (n - k - 1 <= 0) return null;
  const misfit = sigma2 === null ? chi2 : n * Math.log((Math.max(chi2, 1e-9 * n) * sigma2) / n);
  return misfit + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
