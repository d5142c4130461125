import { hashSeed } from "../hash-seed";
import { quantile } from "../quantile";
import { createRandom, type Random } from "../random";
import { fitForecastForm, type FittedForm, type ForecastForm, type TrainingSet } from "./fit-forecast-form";

export type ForecastOptions = {
  form: ForecastForm;
  /** central probability of the prediction band, e.g. 0.9 */
  level: number;
  /** parametric bootstrap refits */
  draws: number;
  seed: number;
};

/** One forecast scale: t = log10(x) and the standard error a measurement there would have. */
export type ForecastTarget = { t: number; se: number };

export type Forecast = {
  form: ForecastForm;
  /** the fitted form, in oriented units */
  fitted: FittedForm;
  /** χ²/(n − p) of the training fit when above 1, the factor every error is scaled by */
  dispersion: number;
  /** per target: the form's value and the band a new measurement should fall in with probability `level` */
  predictions: { t: number; mean: number; lower: number; upper: number }[];
};

/**
 * Fits `form` to the training points and forecasts each target with a prediction band by
 * parametric bootstrap: the training values are redrawn around the fit with their errors
 * (scaled up by the fit's dispersion when the points scatter more than their errors say),
 * the form is refitted to each draw, and a new measurement's noise is added at the target.
 * The band is the central `level` of those simulated measurements, so it covers both the
 * uncertainty of the fit and that of the measurement it is compared with. Seeded: the
 * same inputs give the same band. Null when the form cannot be fitted.
 */
export function forecastCurve(train: TrainingSet & { se: Float64Array }, targets: ForecastTarget[], options: ForecastOptions): Forecast | null {
  const fitted = fitForecastForm(options.form, train);
  if (fitted === null) return null;
  const random = createRandom(hashSeed(`forecast|${options.form}`, options.seed));
  const scale = Math.sqrt(dispersionOf(fitted, train.t.length));
  const simulated = targets.map(() => [] as number[]);
  forEachRefit(train, fitted, options, random, (refit) => {
    targets.forEach((target, j) => simulated[j].push(refit.at(target.t) + scale * target.se * random.normal()));
  });
  const tail = (1 - options.level) / 2;
  const predictions = targets.map((target, j) => {
    const draws = Float64Array.from(simulated[j]).sort();
    return { t: target.t, mean: fitted.at(target.t), lower: quantile(draws, tail), upper: quantile(draws, 1 - tail) };
  });
  return { form: options.form, fitted, dispersion: dispersionOf(fitted, train.t.length), predictions };
}

/** χ²/(n − p) of a fit, floored at 1: how much more the points scatter than their errors say. */
export function dispersionOf(fitted: FittedForm, n: number): number {
  return Math.max(1, fitted.chi2 / Math.max(1, n - fitted.parameters));
}

/**
 * The parametric bootstrap shared by forecasts and crossings: `draws` times, the training
 * values are redrawn around the fit with their errors (times √dispersion) and the form is
 * refitted; `each` sees every refit that succeeded.
 */
export function forEachRefit(
  train: TrainingSet & { se: Float64Array },
  fitted: FittedForm,
  options: Pick<ForecastOptions, "form" | "draws">,
  random: Random,
  each: (refit: FittedForm) => void,
): void {
  const n = train.t.length;
  const scale = Math.sqrt(dispersionOf(fitted, n));
  const u = new Float64Array(n);
  for (let d = 0; d < options.draws; d++) {
    for (let i = 0; i < n; i++) u[i] = fitted.at(train.t[i]) + scale * train.se[i] * random.normal();
    const refit = fitForecastForm(options.form, { ...train, u });
    if (refit !== null) each(refit);
  }
}
