import type { ChartTick } from "@/lib/charts/prepare-curve-chart";
import type { FigureChart } from "./figure-types";
import type { FigureSize } from "./figure-size";

/** DejaVu Sans averages about 0.6 em per character; layout only needs an upper estimate. */
export const textWidth = (text: string, font: number) => text.length * font * 0.6;

export type LegendEntry = { index: number; label: string; x: number; y: number };

export type FigureLayout = {
  /** points (1/72 in) */
  width: number;
  height: number;
  font: number;
  /** smaller labels inside the plot (chance, threshold) */
  small: number;
  plot: { left: number; top: number; right: number; bottom: number };
  legend: LegendEntry[];
  markerRadius: number;
  lineWidth: number;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
};

/** A legend label that fits on one row: a name too long for the figure ends in an ellipsis. */
function legendLabel(chart: FigureChart, index: number, room: number, font: number): string {
  const s = chart.series[index];
  const label = s.legendLabel;
  const fits = Math.max(4, Math.floor(room / (font * 0.6)));
  return label.length <= fits ? label : `${[...label].slice(0, fits - 1).join("")}…`;
}

/**
 * Where everything goes, in points. The legend sits above the plot in rows; when
 * many families need more room than the preset leaves the plot, the figure grows
 * taller (the width is the journal's constraint, the height is not).
 */
export function layoutFigure(chart: FigureChart, size: FigureSize): FigureLayout {
  const width = size.width * 72;
  const font = size.font;
  const pad = font * 0.6;
  const rowHeight = font * 1.45;
  const legend: LegendEntry[] = [];
  let x = pad;
  let row = 0;
  chart.series.forEach((_, index) => {
    const label = legendLabel(chart, index, width - 2 * pad - font * 1.6, font);
    const w = font * 1.6 + textWidth(label, font);
    if (x > pad && x + w > width - pad) {
      row += 1;
      x = pad;
    }
    legend.push({ index, label, x, y: pad + row * rowHeight + font * 0.85 });
    x += w + font;
  });
  const legendHeight = (row + 1) * rowHeight;

  const { xTicks, yTicks } = chart;
  const tickLength = font * 0.4;
  const top = pad + legendHeight + font * 0.5;
  const left = pad + font * 1.3 + Math.max(...yTicks.map((t) => textWidth(t.label, font))) + tickLength + font * 0.3;
  const below = tickLength + font * 0.3 + font + font * 0.5 + font * 1.1 + pad;
  // the tick label at the right end: the last one, or the first on a reversed axis
  const rightmost = (chart.xReversed ? xTicks[0] : xTicks.at(-1))?.label ?? "";
  const right = width - pad - Math.max(font, textWidth(rightmost, font) / 2);
  const presetHeight = size.height * 72;
  const minPlot = presetHeight * 0.5;
  const height = Math.max(presetHeight, top + minPlot + below);
  return {
    width, height, font, small: Math.max(5, font * 0.85),
    plot: { left, top, right, bottom: height - below },
    legend,
    markerRadius: Math.max(1.8, font * 0.32),
    lineWidth: Math.max(0.6, font / 10),
    xTicks, yTicks,
  };
}
