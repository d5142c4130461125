import { hashSeed } from "../hash-seed";
import { median, quantile } from "../quantile";
import { createRandom } from "../random";
import { fitForecastForm, MIDPOINT_REACH, type FittedForm, type TrainingSet } from "./fit-forecast-form";
import { forEachRefit, type ForecastOptions } from "./forecast-curve";

export type EmergenceScale =
  | { status: "crosses"; t: number; lower: number; upper: number }
  | { status: "already"; t: number }
  | { status: "cannot-tell"; reason: string };

const STEP = 0.01; // decades

/**
 * First t in [from, from + MIDPOINT_REACH] where the form reaches `level`, else null; also
 * null when the form does not rise across the training scales by `minimumRise` (a fit that
 * is flat where it was measured can put its rise anywhere later).
 */
function crossing(fitted: FittedForm, level: number, [first, from]: [number, number], minimumRise: number): number | null {
  if (fitted.at(from) - fitted.at(first) < minimumRise) return null;
  for (let t = from; t <= from + MIDPOINT_REACH + 1e-9; t += STEP) if (fitted.at(t) >= level) return t;
  return null;
}

/**
 * "When will it emerge": the scale (t = log10 x) at which the fitted form first reaches
 * `level` (oriented units) beyond the largest training scale, with a bootstrap interval.
 * "cannot tell" when the fit does not reach the level within MIDPOINT_REACH decades, or
 * when more than the interval's tail of the refits do not: the data then do not bound
 * when it would happen (a family flat at chance fits a rise at any later scale, so a fit
 * must rise by two median standard errors over the measured sizes to count). "already" when a training point's fit is at it.
 */
export function emergenceScale(train: TrainingSet & { se: Float64Array }, level: number, options: ForecastOptions): EmergenceScale {
  const fitted = fitForecastForm(options.form, train);
  if (fitted === null) return { status: "cannot-tell", reason: `too few sizes for the ${options.form} form` };
  const last = train.t[train.t.length - 1];
  if (fitted.at(last) >= level) return { status: "already", t: last };
  const range: [number, number] = [train.t[0], last];
  const minimumRise = 2 * median(train.se);
  const estimate = crossing(fitted, level, range, minimumRise);
  if (estimate === null) {
    return { status: "cannot-tell", reason: `the ${options.form} fit does not rise by 2 standard errors over the measured sizes, or does not reach ${level} within ${MIDPOINT_REACH} decades of the largest` };
  }
  const draws: number[] = [];
  forEachRefit(train, fitted, options, createRandom(hashSeed(`emergence|${options.form}`, options.seed)), (refit) => {
    draws.push(crossing(refit, level, range, minimumRise) ?? Infinity);
  });
  const sorted = Float64Array.from(draws).sort();
  const tail = (1 - options.level) / 2;
  const [lower, upper] = [quantile(sorted, tail), quantile(sorted, 1 - tail)];
  if (!Number.isFinite(upper)) {
    return { status: "cannot-tell", reason: `over ${Math.round(tail * 100)} % of refits of the ${options.form} form never reach ${level} within ${MIDPOINT_REACH} decades: the data do not bound when` };
  }
  return { status: "crosses", t: estimate, lower, upper };
}
