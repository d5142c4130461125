import { toUnitInterval } from "./unit-scale";

/** A sparkline drawn as plain SVG: a few hundred of them must stay cheap. */
export type Sparkline = {
  width: number;
  height: number;
  /** SVG path of the curve, points joined in scale order; empty with no points */
  path: string;
  dots: { cx: number; cy: number }[];
  /** y of the dashed chance line, null when chance is unknown or off the y range */
  chanceY: number | null;
};

type Input = {
  points: { x: number; y: number }[];
  chance: number | null;
  lowerBound: number | null;
  upperBound: number | null;
};

const round = (v: number) => Math.round(v * 10) / 10;

/** x on a log scale, y between the metric's bounds (or the data's range when unbounded). */
export function prepareSparkline({ points, chance, lowerBound, upperBound }: Input, width = 160, height = 48): Sparkline {
  const pad = 3;
  const sorted = points.filter((p) => p.x > 0 && Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
  if (sorted.length === 0) return { width, height, path: "", dots: [], chanceY: null };
  const ys = sorted.map((p) => p.y);
  const yMin = lowerBound ?? Math.min(...ys, chance ?? Infinity);
  const yMax = upperBound ?? Math.max(...ys, chance ?? -Infinity);
  const tMin = Math.log10(sorted[0].x);
  const tMax = Math.log10(sorted[sorted.length - 1].x);
  const sx = (x: number) => (tMax === tMin ? width / 2 : pad + toUnitInterval(Math.log10(x), tMin, tMax) * (width - 2 * pad));
  const sy = (y: number) => (yMax === yMin ? height / 2 : height - pad - toUnitInterval(y, yMin, yMax) * (height - 2 * pad));
  const dots = sorted.map((p) => ({ cx: round(sx(p.x)), cy: round(sy(p.y)) }));
  const path = dots.map((d, i) => `${i === 0 ? "M" : "L"}${d.cx},${d.cy}`).join(" ");
  const chanceY = chance !== null && chance >= yMin && chance <= yMax ? round(sy(chance)) : null;
  return { width, height, path, dots, chanceY };
}
