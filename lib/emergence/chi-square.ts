import { logGamma } from "./student-t";

/**
 * Upper tail of the χ² distribution with k degrees of freedom, Q(k/2, x/2), by
 * the series or the continued fraction of the incomplete gamma (Numerical
 * Recipes 3rd ed. §6.2, `gser` / `gcf`), whichever converges faster.
 */
export function chiSquareUpperTail(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return Number.NaN;
  if (x <= 0) return 1;
  const a = k / 2;
  const z = x / 2;
  const front = Math.exp(-z + a * Math.log(z) - logGamma(a));
  if (z < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= z / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - front * sum);
  }
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return front * h;
}
