/**
 * Upper tail of the standard normal, P(Z > z) = erfc(z / √2) / 2.
 * erfc by the Chebyshev fit of Numerical Recipes (Press et al., 2nd ed., §6.2,
 * `erfcc`), fractional error below 1.2e-7 everywhere, so small p-values keep
 * their relative accuracy (unlike 1 − Φ(z)).
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}
