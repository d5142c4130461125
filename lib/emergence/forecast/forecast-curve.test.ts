import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { logistic } from "../fit-design";
import { forecastCurve, type ForecastOptions } from "./forecast-curve";
import type { ForecastForm } from "./fit-forecast-form";

const T = Array.from({ length: 8 }, (_, i) => 8 + (3 * i) / 7); // 8 sizes over 3 decades
const SE = 0.015;
const TRAIN = 5; // forecast the 3 largest from the 5 smallest

/** Share of the held-out measurements inside their band, over seeded synthetic curves. */
function coverage(truth: (t: number) => number, form: ForecastForm, reps: number, chance: number | null = 0.25): number {
  const random = createRandom(20261130);
  const options: ForecastOptions = { form, level: 0.9, draws: 200, seed: 1 };
  let inside = 0;
  let total = 0;
  for (let r = 0; r < reps; r++) {
    const u = T.map((t) => truth(t) + SE * random.normal());
    const train = {
      t: Float64Array.from(T.slice(0, TRAIN)),
      u: Float64Array.from(u.slice(0, TRAIN)),
      se: new Float64Array(TRAIN).fill(SE),
      w: new Float64Array(TRAIN).fill(1 / SE ** 2),
      chance,
      hi: 1,
    };
    const forecast = forecastCurve(train, T.slice(TRAIN).map((t) => ({ t, se: SE })), { ...options, seed: r })!;
    forecast.predictions.forEach((p, j) => {
      total++;
      if (u[TRAIN + j] >= p.lower && u[TRAIN + j] <= p.upper) inside++;
    });
  }
  return inside / total;
}

describe("forecastCurve", () => {
  it("a correct linear form covers held-out sizes near its nominal 90 %", () => {
    const c = coverage((t) => 0.3 + 0.1 * (t - 8), "linear", 120);
    expect(c).toBeGreaterThan(0.83);
    expect(c).toBeLessThan(0.96);
  });

  it("a correct sigmoid (Ruan et al.'s floor at chance, top at 1) covers near its nominal 90 %", () => {
    const c = coverage((t) => 0.25 + 0.75 * logistic(1.5 * (t - 10)), "sigmoid", 80);
    expect(c).toBeGreaterThan(0.8);
    expect(c).toBeLessThan(0.97);
  });

  it("a line cannot foresee a jump that starts after the cutoff: its band misses the measurements", () => {
    const c = coverage((t) => (t < 10.2 ? 0.25 : 0.7), "linear", 40);
    expect(c).toBeLessThan(0.4);
  });

  it("is seeded: the same inputs give the same band, another seed another", () => {
    const train = { t: Float64Array.from([8, 8.5, 9, 9.5]), u: Float64Array.from([0.3, 0.35, 0.4, 0.45]), se: new Float64Array(4).fill(0.02), w: new Float64Array(4).fill(2500), chance: null, hi: 1 };
    const run = (seed: number) => forecastCurve(train, [{ t: 10.5, se: 0.02 }], { form: "linear", level: 0.9, draws: 100, seed })!.predictions[0];
    expect(run(3)).toEqual(run(3));
    expect(run(3).lower).not.toBe(run(4).lower);
    expect(run(3).mean).toBeCloseTo(0.55, 9);
  });

  it("refuses a form it cannot fit: the sigmoid without a chance level, or too few points", () => {
    const two = { t: Float64Array.from([8, 9]), u: Float64Array.from([0.3, 0.4]), se: new Float64Array(2).fill(0.02), w: new Float64Array(2).fill(2500), chance: 0.25, hi: 1 };
    expect(forecastCurve(two, [{ t: 10, se: 0.02 }], { form: "linear", level: 0.9, draws: 10, seed: 0 })).toBeNull();
    const four = { ...two, t: Float64Array.from([8, 9, 10, 11]), u: Float64Array.from([0.3, 0.4, 0.5, 0.6]), se: new Float64Array(4).fill(0.02), w: new Float64Array(4).fill(2500), chance: null };
    expect(forecastCurve(four, [{ t: 12, se: 0.02 }], { form: "sigmoid", level: 0.9, draws: 10, seed: 0 })).toBeNull();
  });
});
