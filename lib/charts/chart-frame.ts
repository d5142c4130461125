import type { ChartTick } from "./prepare-curve-chart";

/** What every prepared chart names and scales: its title, axis labels, domains and ticks with their labels. */
export type ChartFrame = {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  xTicks: ChartTick[];
  yDomain: [number, number];
  yTicks: ChartTick[];
};

/** A tick's label as the preparer wrote it (recharts asks by value). */
export function tickLabels(ticks: ChartTick[]): (value: number) => string {
  const labels = new Map(ticks.map((t) => [t.value, t.label]));
  return (value) => labels.get(value) ?? String(value);
}
