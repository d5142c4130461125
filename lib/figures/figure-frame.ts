import { logDomain, logTicks } from "@/lib/charts/log-ticks";
import { formatTick, linearTicks } from "@/lib/charts/linear-ticks";
import type { ChartFrame } from "@/lib/charts/chart-frame";

/**
 * A log x, linear y frame around the given values, as the panels' preparers make theirs:
 * x padded a fraction of a decade, y padded 5 % (chance included so its line is drawn).
 * Null when there is no positive x.
 */
export function toFigureFrame(input: {
  xs: number[];
  ys: number[];
  chance: number | null;
  formatX: (x: number) => string;
}): Pick<ChartFrame, "xDomain" | "xTicks" | "yDomain" | "yTicks"> | null {
  const xDomain = logDomain(input.xs);
  const ys = input.ys.filter(Number.isFinite);
  if (xDomain === null || ys.length === 0) return null;
  const low = Math.min(...ys, input.chance ?? Infinity);
  const high = Math.max(...ys, input.chance ?? -Infinity);
  const pad = (high - low) * 0.05 || Math.abs(high) * 0.05 || 0.05;
  const yDomain: [number, number] = [low - pad, high + pad];
  const y = linearTicks(yDomain);
  return {
    xDomain,
    xTicks: logTicks(xDomain).map((value) => ({ value, label: input.formatX(value) })),
    yDomain,
    yTicks: y.ticks.map((value) => ({ value, label: formatTick(value, y.decimals) })),
  };
}
