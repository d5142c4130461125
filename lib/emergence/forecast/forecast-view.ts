import type { FamilyForecast } from "@/lib/schemas/forecast";
import { hashSeed } from "../hash-seed";
import { median } from "../quantile";
import { prepareCurve } from "../prepare-curve";
import type { CurveInput } from "../types";
import { emergenceScale } from "./emergence-scale";
import { minimumTraining, type ForecastForm } from "./fit-forecast-form";
import { forecastCurve } from "./forecast-curve";
import { splitAtCutoff, toMetricUnits } from "./split-at-cutoff";

export type ForecastViewOptions = {
  form: ForecastForm;
  cutoff: number;
  level: number;
  /** the score (metric units) whose crossing "when will it emerge" forecasts; null: halfway from chance to the bound */
  reach: number | null;
  draws: number;
  seed: number;
};

/** Points of the drawn band, from the largest fitted size to a decade past the largest measured size or the cutoff. */
const BAND_POINTS = 24;

/**
 * Every family of one task view forecast by one form: fitted on the sizes below the
 * cutoff, each size at or above it forecast with its band and compared with what was
 * measured, the band drawn from the largest fitted size to a decade past the largest measured
 * size (or the cutoff, when it lies beyond), and the scale at which the
 * forecast reaches `reach`. A family is seeded by its curve id, so its forecast does not
 * depend on the other families of the view.
 */
export function forecastView(curves: CurveInput[], options: ForecastViewOptions): FamilyForecast[] {
  return curves.map((input) => {
    const empty = { family: input.family, trained: 0, heldOut: [], band: [], mae: null, coverage: null, emergence: null };
    const prepared = prepareCurve(input);
    const curve = prepared.curve;
    if (curve === null) return { ...empty, note: `not analysable: ${prepared.insufficient}` };
    const cut = splitAtCutoff(curve, options.cutoff);
    if (cut === null) return { ...empty, note: "no size below the cutoff to fit" };
    const { train, first } = cut;
    const needed = minimumTraining(options.form, curve.chance);
    if (first < needed) return { ...empty, trained: first, note: `${first} size(s) below the cutoff; the ${options.form} form needs ${needed}` };
    const seTypical = median(train.se);
    // from the largest fitted size to a decade past the largest measured one (or the cutoff, if beyond)
    const start = train.t[first - 1];
    const end = Math.max(curve.t[curve.t.length - 1], Math.log10(options.cutoff)) + 1;
    const grid = Array.from({ length: BAND_POINTS }, (_, i) => start + ((end - start) * i) / (BAND_POINTS - 1));
    const measured = Array.from(curve.t.subarray(first), (t, j) => ({ t, se: curve.se[first + j] }));
    const seed = hashSeed(input.id, options.seed);
    const forecast = forecastCurve(train, [...measured, ...grid.map((t) => ({ t, se: seTypical }))], { ...options, seed });
    if (forecast === null) return { ...empty, trained: first, note: `the ${options.form} form does not apply to this metric` };
    const heldOut = forecast.predictions.slice(0, measured.length).map((p, j) => {
      const observed = curve.dir * curve.u[first + j];
      const point = toMetricUnits(p, curve.dir);
      return { ...point, observed, inside: observed >= point.lower && observed <= point.upper };
    });
    const reach = options.reach !== null ? curve.dir * options.reach : curve.chance !== null && curve.hi !== null ? (curve.chance + curve.hi) / 2 : null;
    const crossing = reach === null ? null : emergenceScale(train, reach, { ...options, seed });
    return {
      family: input.family,
      trained: first,
      note: null,
      heldOut,
      band: forecast.predictions.slice(measured.length).map((p) => toMetricUnits(p, curve.dir)),
      mae: heldOut.length === 0 ? null : heldOut.reduce((s, p) => s + Math.abs(p.observed - p.mean), 0) / heldOut.length,
      coverage: heldOut.length === 0 ? null : heldOut.filter((p) => p.inside).length / heldOut.length,
      emergence:
        crossing === null ? null
        : crossing.status === "crosses" ? { status: "crosses", x: 10 ** crossing.t, lower: 10 ** crossing.lower, upper: 10 ** crossing.upper }
        : crossing.status === "already" ? { status: "already", x: 10 ** crossing.t }
        : crossing,
    };
  });
}
