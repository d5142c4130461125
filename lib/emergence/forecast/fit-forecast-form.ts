import type { z } from "zod";
import { forecastFormSchema } from "@/lib/schemas/forecast";
import { createFitDesign, fitOnGrid, GRID_SIZES, logistic, type FitDesign } from "../fit-design";
import { predict } from "../fit-forms";
import { refineFit } from "../refine-fit";

/**
 * The forms a forecast can extrapolate with: the analysis' three (lib/emergence/fit-forms.ts)
 * and the sigmoid of Ruan et al. (2024, observational scaling laws), whose floor is the
 * chance level and whose top is the metric's upper bound, leaving only the midpoint and the
 * slope to fit.
 */
export const FORECAST_FORMS = forecastFormSchema.options;
export type ForecastForm = z.infer<typeof forecastFormSchema>;

/** Training points a form needs: one more than its parameters. */
export function minimumTraining(form: ForecastForm, chance: number | null): number {
  if (form === "linear" || form === "sigmoid") return 3;
  if (form === "hinge") return 4;
  return chance === null ? 5 : 4;
}

/** Points to fit, in oriented units (see PreparedCurve): t = log10(x), u, weights 1/se². */
export type TrainingSet = { t: Float64Array; u: Float64Array; w: Float64Array; chance: number | null; hi: number | null };

export type FittedForm = { form: ForecastForm; at: (t: number) => number; chi2: number; parameters: number };

/** How far past the largest training scale a fitted midpoint may lie, in decades. */
export const MIDPOINT_REACH = 3;

/**
 * Fits one form to the training points, letting a logistic's midpoint lie up to
 * MIDPOINT_REACH decades beyond the largest of them (a rise that has not started yet is
 * what a forecast is asked about). Null when the form does not apply: too few points, or
 * the sigmoid without a chance level and an upper bound.
 */
export function fitForecastForm(form: ForecastForm, train: TrainingSet): FittedForm | null {
  const n = train.t.length;
  if (n < minimumTraining(form, train.chance)) return null;
  const reach: [number, number] = [train.t[0], train.t[n - 1] + MIDPOINT_REACH];
  const design = createFitDesign(train.t, train.w, train.chance, train.hi, GRID_SIZES.fine, reach);
  if (form === "sigmoid") return fitSigmoid(design, train);
  const fit = refineFit(design, train.u, fitOnGrid(design, train.u)[form]);
  return { form, at: (t) => predict(fit, t), chi2: fit.chi2, parameters: fit.p };
}

/** u = chance + (top − chance) σ(k (t − t0)): grid over (t0, k), then a compass search. */
function fitSigmoid(design: FitDesign, train: TrainingSet): FittedForm | null {
  const { chance, hi } = train;
  if (chance === null || hi === null || hi <= chance) return null;
  const chi2 = (t0: number, k: number) => {
    let sum = 0;
    for (let i = 0; i < train.t.length; i++) sum += train.w[i] * (train.u[i] - chance - (hi - chance) * logistic(k * (train.t[i] - t0))) ** 2;
    return sum;
  };
  const grid = design.logistic;
  let best = { t0: grid.t0[0], k: (grid.k as Float64Array)[0], chi2: Infinity };
  for (let c = 0; c < grid.count; c++) {
    const trial = { t0: grid.t0[c], k: (grid.k as Float64Array)[c], chi2: chi2(grid.t0[c], (grid.k as Float64Array)[c]) };
    if (trial.chi2 < best.chi2) best = trial;
  }
  const [tMin, tMax] = design.midpointRange;
  const [kMin, kMax] = design.kRange;
  let dt = (tMax - tMin) / (design.size.logisticT0 - 1);
  let dl = Math.log(kMax / kMin) / (design.size.logisticK - 1);
  for (let i = 0; i < 80 && dt > 1e-4; i++) {
    let moved = false;
    for (const [ot, ol] of [[dt, 0], [-dt, 0], [0, dl], [0, -dl]]) {
      const t0 = Math.min(tMax, Math.max(tMin, best.t0 + ot));
      const k = Math.min(kMax, Math.max(kMin, best.k * Math.exp(ol)));
      const value = chi2(t0, k);
      if (value < best.chi2 - 1e-12) {
        best = { t0, k, chi2: value };
        moved = true;
      }
    }
    if (!moved) {
      dt /= 2;
      dl /= 2;
    }
  }
  const { t0, k } = best;
  return { form: "sigmoid", at: (t) => chance + (hi - chance) * logistic(k * (t - t0)), chi2: best.chi2, parameters: 2 };
}
