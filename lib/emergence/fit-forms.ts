import type { FitSummary } from "@/lib/schemas/analysis";
import { aicc } from "./aicc";
import { createFitDesign, fitOnGrid, logistic, type FitDesign, type FormFit, type FormKind } from "./fit-design";
import { refineFit } from "./refine-fit";
import type { PreparedCurve } from "./types";

export type FormsResult = {
  /** refined fits in oriented units: linear, logistic, hinge */
  fits: FormFit[];
  summaries: FitSummary[];
  best: FormKind | null;
  /** AICc(linear) − AICc(best) */
  deltaAicc: number | null;
};

export const KINDS: FormKind[] = ["linear", "logistic", "hinge"];

/** A form's value at t = log10(x), in oriented units. */
export function predict(fit: FormFit, t: number): number {
  if (fit.kind === "linear") return fit.a + fit.b * t;
  if (fit.kind === "hinge") return fit.a + fit.b * Math.max(0, t - (fit.t0 as number));
  return fit.a + fit.b * logistic((fit.k as number) * (t - (fit.t0 as number)));
}

/** Grid fit then local refinement of every form. */
export function fitAll(design: FitDesign, u: ArrayLike<number>): FormFit[] {
  const grid = fitOnGrid(design, u);
  return KINDS.map((kind) => refineFit(design, u, grid[kind]));
}

/** σ² for the Gaussian-likelihood AICc when sigma was estimated, else null (χ² form). */
export function sigma2Of(curve: PreparedCurve): number | null {
  return curve.sigmaEstimated ? curve.se[0] ** 2 : null;
}

/**
 * Fits linear, logistic and hinge in t = log10(x) by weighted least squares
 * (w = 1/se²), scores each by AICc (see aicc.ts for which variant) and by
 * leave-one-out prediction RMSE (each point predicted by the same form refitted
 * without it, in metric units), and picks the lowest AICc.
 */
export function fitForms(curve: PreparedCurve, design: FitDesign): FormsResult {
  const n = curve.t.length;
  const sigma2 = sigma2Of(curve);
  const fits = fitAll(design, curve.u);
  const loo = leaveOneOut(curve);
  const scores = fits.map((f) => aicc(f.chi2, n, f.p, sigma2));
  let bestIndex: number | null = null;
  scores.forEach((s, i) => {
    if (s !== null && (bestIndex === null || s < (scores[bestIndex] as number))) bestIndex = i;
  });
  const summaries = fits.map((f, i) => ({
    kind: f.kind,
    params: toParams(f, curve.dir),
    rss: f.chi2,
    aicc: scores[i],
    looRmse: loo[i],
  }));
  const best = bestIndex === null ? null : KINDS[bestIndex];
  const deltaAicc = bestIndex === null || scores[0] === null ? null : scores[0] - (scores[bestIndex] as number);
  return { fits, summaries, best, deltaAicc };
}

function toParams(f: FormFit, dir: 1 | -1): Record<string, number> {
  if (f.kind === "linear") return { intercept: dir * f.a, slope: dir * f.b };
  if (f.kind === "hinge") return { level: dir * f.a, slope: dir * f.b, hinge: f.t0 as number };
  return { floor: dir * f.a, top: dir * (f.a + f.b), midpoint: f.t0 as number, k: f.k as number };
}

function leaveOneOut(curve: PreparedCurve): (number | null)[] {
  const n = curve.t.length;
  if (n < 5) return KINDS.map(() => null);
  const squared = KINDS.map(() => 0);
  for (let i = 0; i < n; i++) {
    const keep = (_: number, j: number) => j !== i;
    const t = curve.t.filter(keep);
    const w = curve.w.filter(keep);
    const u = curve.u.filter(keep);
    const fits = fitAll(createFitDesign(t, w, curve.chance, curve.hi), u);
    fits.forEach((f, k) => {
      squared[k] += (curve.u[i] - predict(f, curve.t[i])) ** 2;
    });
  }
  return squared.map((s) => Math.sqrt(s / n));
}
