import type { CurveInput } from "./types";

/** Eight scales evenly spaced in log10 from 1e7 to 1e11 (t = 7, 7.57, …, 11); a step at 1e9 falls between the 4th and 5th. */
export const SCALES = Array.from({ length: 8 }, (_, i) => 10 ** (7 + (4 * i) / 7));

export const PROPORTION: CurveInput["metric"] = { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" };

/** A hand-made curve for tests: value = f(log10 x) at each scale, with a fixed stderr. */
export function makeCurve(
  family: string,
  f: (t: number, i: number) => number,
  options: { se?: number | null; n?: number | null; scales?: number[]; chance?: number | null; group?: string; metric?: CurveInput["metric"] } = {},
): CurveInput {
  const group = options.group ?? `task-${family}|acc|0|params`;
  return {
    id: `${group}|${family}`,
    family,
    groupId: group,
    chance: options.chance === undefined ? 0.25 : options.chance,
    metric: options.metric ?? PROPORTION,
    points: (options.scales ?? SCALES).map((x, i) => ({
      model: `${family}-${i}`,
      x,
      value: f(Math.log10(x), i),
      stderr: options.se === undefined ? 0.01 : options.se,
      n: options.n ?? null,
    })),
  };
}
