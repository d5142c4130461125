import type { Figure } from "./figure-types";
import type { FigureLayout } from "./figure-layout";
import type { Scales } from "./render-figure-svg";
import { escapeXml as esc } from "./escape-xml";
import { markerPath } from "./marker-path";

const r2 = (v: number) => Math.round(v * 100) / 100;

function pathThrough(points: { x: number; y: number }[], s: Scales): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${r2(s.x(p.x))} ${r2(s.y(p.y))}`).join(" ");
}

/** Threshold bands (95% interval) and lines, drawn under the data like the page's ReferenceArea. */
function thresholds(figure: Figure, l: FigureLayout, s: Scales): string[] {
  const [lo, hi] = figure.chart.xDomain;
  const out: string[] = [];
  // labels stack down from the top of the plot, one line per threshold, wrapping before the bottom
  const lines = Math.max(1, Math.floor((l.plot.bottom - l.plot.top) / (l.small * 1.2)) - 1);
  let label = 0;
  figure.chart.series.forEach((series) => {
    const t = series.threshold;
    if (!t || t.x < lo || t.x > hi) return;
    const line = (label++ % lines) + 1;
    out.push(`<g class="threshold" data-family="${esc(series.name)}">`);
    if (t.lo !== null && t.hi !== null) {
      // either end may be the left one (a reversed axis draws the interval's high end first)
      const ends = [s.x(Math.max(t.lo, lo)), s.x(Math.min(t.hi, hi))];
      const x1 = Math.min(...ends);
      const x2 = Math.max(...ends);
      out.push(`<rect class="threshold-band" x="${r2(x1)}" y="${r2(l.plot.top)}" width="${r2(x2 - x1)}" height="${r2(l.plot.bottom - l.plot.top)}" fill="${series.color}" fill-opacity="0.12"/>`);
    }
    const x = r2(s.x(t.x));
    out.push(
      `<line class="threshold-line" x1="${x}" x2="${x}" y1="${r2(l.plot.top)}" y2="${r2(l.plot.bottom)}" stroke="${series.color}" stroke-width="${r2(l.lineWidth)}" stroke-dasharray="${r2(l.font * 0.2)} ${r2(l.font * 0.3)}"/>`,
      `<text x="${r2(s.x(t.x) + l.small * 0.3)}" y="${r2(l.plot.top + l.small * 1.2 * line)}" font-size="${r2(l.small)}" fill="${series.color}">${esc(t.label)}</text>`,
      "</g>",
    );
  });
  return out;
}

/**
 * Each family as one group: its trace (the fitted curve, else a line through its
 * points), one-stderr error bars, and markers, filled when clearly above chance.
 */
function families(figure: Figure, l: FigureLayout, s: Scales): string[] {
  const out: string[] = [];
  const cap = l.markerRadius * 0.8;
  for (const series of figure.chart.series) {
    const fitted = !series.joinPoints;
    const trace = pathThrough(fitted ? series.fit : series.points, s);
    const bars = series.points
      .filter((p) => p.error !== null)
      .map((p) => {
        const x = r2(s.x(p.x));
        const y1 = r2(s.y(p.y - p.error!));
        const y2 = r2(s.y(p.y + p.error!));
        return `M${x} ${y1} V${y2} M${r2(x - cap)} ${y1} H${r2(x + cap)} M${r2(x - cap)} ${y2} H${r2(x + cap)}`;
      })
      .join(" ");
    out.push(
      `<g class="family" data-family="${esc(series.name)}">`,
      `<path class="trace${fitted ? " fit" : ""}" d="${trace}" fill="none" stroke="${series.color}" stroke-width="${r2(l.lineWidth * (fitted ? 1.5 : 1))}" stroke-opacity="${fitted ? 0.8 : 0.5}" clip-path="url(#plot-area)"/>`,
    );
    if (bars) out.push(`<path class="error-bars" d="${bars}" fill="none" stroke="${series.color}" stroke-width="${r2(l.lineWidth)}" clip-path="url(#plot-area)"/>`);
    for (const p of series.points) {
      out.push(
        `<path class="marker${p.filled ? " above-chance" : ""}" d="${markerPath(series.shape, s.x(p.x), s.y(p.y), l.markerRadius)}" fill="${p.filled ? series.color : "#ffffff"}" stroke="${series.color}" stroke-width="${r2(l.lineWidth)}"/>`,
      );
    }
    out.push("</g>");
  }
  return out;
}

/** Prediction bands: the area between each x's lower and upper bound, in the family's colour, under everything else. */
function predictionBands(figure: Figure, s: Scales): string[] {
  return (figure.chart.bands ?? []).flatMap((band) => {
    if (band.points.length === 0) return [];
    const upper = band.points.map((p, i) => `${i === 0 ? "M" : "L"}${r2(s.x(p.x))} ${r2(s.y(p.upper))}`).join(" ");
    const lower = [...band.points].reverse().map((p) => `L${r2(s.x(p.x))} ${r2(s.y(p.lower))}`).join(" ");
    return [`<path class="prediction-band" data-family="${esc(band.name)}" d="${upper} ${lower} Z" fill="${band.color}" fill-opacity="0.18" stroke="none" clip-path="url(#plot-area)"/>`];
  });
}

/** Labelled vertical lines (a forecast's cutoff), over the bands and under the data. */
function markers(figure: Figure, l: FigureLayout, s: Scales): string[] {
  return (figure.chart.markers ?? []).flatMap((m) => {
    const x = r2(s.x(m.x));
    return [
      `<g class="marker-line">`,
      `<line x1="${x}" x2="${x}" y1="${r2(l.plot.top)}" y2="${r2(l.plot.bottom)}" stroke="#555555" stroke-width="${r2(l.lineWidth)}" stroke-dasharray="${r2(l.font * 0.5)} ${r2(l.font * 0.25)}"/>`,
      `<text x="${r2(s.x(m.x) + l.small * 0.3)}" y="${r2(l.plot.bottom - l.small * 0.5)}" font-size="${r2(l.small)}" fill="#555555">${esc(m.label)}</text>`,
      "</g>",
    ];
  });
}

export function drawSeries(figure: Figure, l: FigureLayout, s: Scales): { bands: string[]; markers: string[]; series: string[] } {
  return { bands: [...predictionBands(figure, s), ...thresholds(figure, l, s)], markers: markers(figure, l, s), series: families(figure, l, s) };
}
