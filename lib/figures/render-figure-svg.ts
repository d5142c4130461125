import { toUnitInterval } from "@/lib/charts/unit-scale";
import type { Figure } from "./figure-types";
import type { FigureSize } from "./figure-size";
import { escapeXml as esc } from "./escape-xml";
import { layoutFigure, type FigureLayout } from "./figure-layout";
import { drawSeries } from "./draw-series";
import { markerPath } from "./marker-path";
import { toPixelSize } from "./figure-size";

export const FIGURE_FONT = "DejaVu Sans";
const r2 = (v: number) => Math.round(v * 100) / 100;
const AXIS = "#222222";
const GRID = "#e3e3e3";

export type Scales = { x: (v: number) => number; y: (v: number) => number };

/** Data to points; finite for any finite input, however extreme the domain (see toUnitInterval). */
function toScales(figure: Figure, l: FigureLayout): Scales {
  const [x0, x1] = figure.chart.xDomain.map(Math.log10);
  const [y0, y1] = figure.chart.yDomain;
  const along = (v: number) => toUnitInterval(Math.log10(v), x0, x1);
  const fraction = figure.chart.xReversed ? (v: number) => 1 - along(v) : along;
  return {
    x: (v) => l.plot.left + fraction(v) * (l.plot.right - l.plot.left),
    y: (v) => l.plot.bottom - toUnitInterval(v, y0, y1) * (l.plot.bottom - l.plot.top),
  };
}

function axes(figure: Figure, l: FigureLayout, s: Scales): string[] {
  const { left, right, top, bottom } = l.plot;
  const tick = l.font * 0.4;
  const out: string[] = ['<g class="grid" stroke="' + GRID + '" stroke-width="0.5">'];
  for (const t of l.yTicks) out.push(`<line x1="${r2(left)}" x2="${r2(right)}" y1="${r2(s.y(t.value))}" y2="${r2(s.y(t.value))}"/>`);
  for (const t of l.xTicks) out.push(`<line x1="${r2(s.x(t.value))}" x2="${r2(s.x(t.value))}" y1="${r2(top)}" y2="${r2(bottom)}"/>`);
  out.push("</g>", `<g class="axes" stroke="${AXIS}" stroke-width="${r2(l.lineWidth)}" fill="none">`);
  out.push(`<path class="axis-frame" d="M${r2(left)} ${r2(top)} V${r2(bottom)} H${r2(right)}"/>`);
  for (const t of l.yTicks) out.push(`<line x1="${r2(left - tick)}" x2="${r2(left)}" y1="${r2(s.y(t.value))}" y2="${r2(s.y(t.value))}"/>`);
  for (const t of l.xTicks) out.push(`<line x1="${r2(s.x(t.value))}" x2="${r2(s.x(t.value))}" y1="${r2(bottom)}" y2="${r2(bottom + tick)}"/>`);
  out.push("</g>", `<g class="tick-labels" fill="${AXIS}">`);
  for (const t of l.yTicks) {
    out.push(`<text x="${r2(left - tick - l.font * 0.3)}" y="${r2(s.y(t.value) + l.font * 0.35)}" text-anchor="end">${esc(t.label)}</text>`);
  }
  for (const t of l.xTicks) {
    out.push(`<text x="${r2(s.x(t.value))}" y="${r2(bottom + tick + l.font * 1.1)}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  out.push("</g>");
  const midY = (top + bottom) / 2;
  const yLabelX = l.font * 0.6 + l.font * 0.9;
  out.push(
    `<text class="axis-label x-label" x="${r2((left + right) / 2)}" y="${r2(l.height - l.font * 0.6 - l.font * 0.15)}" text-anchor="middle" fill="${AXIS}">${esc(figure.chart.xLabel)}</text>`,
    `<text class="axis-label y-label" x="${r2(yLabelX)}" y="${r2(midY)}" text-anchor="middle" fill="${AXIS}" transform="rotate(-90 ${r2(yLabelX)} ${r2(midY)})">${esc(figure.chart.yLabel)}</text>`,
  );
  return out;
}

function chanceLine(figure: Figure, l: FigureLayout, s: Scales): string[] {
  const chance = figure.chart.chance;
  if (!chance) return [];
  const y = r2(s.y(chance.y));
  return [
    `<g class="chance">`,
    `<line class="chance-line" x1="${r2(l.plot.left)}" x2="${r2(l.plot.right)}" y1="${y}" y2="${y}" stroke="#555555" stroke-width="${r2(l.lineWidth)}" stroke-dasharray="${r2(l.font * 0.6)} ${r2(l.font * 0.4)}"/>`,
    `<text x="${r2(l.plot.right - l.font * 0.3)}" y="${r2(y - l.small * 0.4)}" font-size="${r2(l.small)}" fill="#555555" text-anchor="end">${esc(chance.label)}</text>`,
    `</g>`,
  ];
}

function legend(figure: Figure, l: FigureLayout): string[] {
  const out = ['<g class="legend">'];
  for (const e of l.legend) {
    const s = figure.chart.series[e.index];
    const cy = e.y - l.font * 0.35;
    out.push(
      `<g class="legend-entry" data-family="${esc(s.name)}">`,
      `<line x1="${r2(e.x)}" x2="${r2(e.x + l.font * 1.2)}" y1="${r2(cy)}" y2="${r2(cy)}" stroke="${s.color}" stroke-width="${r2(l.lineWidth * 1.3)}"/>`,
      `<path d="${markerPath(s.shape, e.x + l.font * 0.6, cy, l.markerRadius)}" fill="${s.color}" stroke="${s.color}" stroke-width="${r2(l.lineWidth)}"/>`,
      `<text x="${r2(e.x + l.font * 1.6)}" y="${r2(e.y)}" fill="${AXIS}">${esc(e.label)}</text>`,
      "</g>",
    );
  }
  out.push("</g>");
  return out;
}

/** What the file says about itself: caption, citation, and the URL that reproduces it. */
function metadata(figure: Figure): string[] {
  const provenance = { generator: "Emergence Atlas", ...figure.provenance, caption: figure.caption, citation: figure.citation };
  return [
    `<title>${esc(figure.title)}</title>`,
    `<desc>${esc(`${figure.caption}\n\n${figure.citation}`)}</desc>`,
    `<metadata id="provenance">${esc(JSON.stringify(provenance))}</metadata>`,
  ];
}

export type RenderOptions = {
  /** write the root size in pixels at this resolution (for rasterising) instead of inches */
  dpi?: number;
  /** write the root size as bare numbers in points (for svg-to-pdfkit, which reads units at 96 per inch) */
  points?: boolean;
};

function rootSize(l: FigureLayout, options: RenderOptions): string {
  if (options.dpi) {
    const px = toPixelSize({ width: l.width / 72, height: l.height / 72 }, options.dpi);
    return `width="${px.width}" height="${px.height}" preserveAspectRatio="none"`;
  }
  if (options.points) return `width="${r2(l.width)}" height="${r2(l.height)}"`;
  return `width="${Number((l.width / 72).toFixed(3))}in" height="${Number((l.height / 72).toFixed(3))}in"`;
}

/**
 * The figure as a standalone SVG 1.1 document: legend, axes, labels, chance line,
 * error bars, fits, threshold and prediction bands and cutoff lines all drawn inside it, in points, with the
 * font named. Pure: the same figure and size give the same bytes.
 */
export function renderFigureSvg(figure: Figure, size: FigureSize, options: RenderOptions = {}): { svg: string; width: number; height: number } {
  const l = layoutFigure(figure.chart, size);
  const s = toScales(figure, l);
  const inches = { width: l.width / 72, height: l.height / 72 };
  const root = rootSize(l, options);
  const body = drawSeries(figure, l, s);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${root} viewBox="0 0 ${r2(l.width)} ${r2(l.height)}" font-family="${FIGURE_FONT}" font-size="${r2(l.font)}">`,
    ...metadata(figure),
    `<defs><clipPath id="plot-area"><rect x="${r2(l.plot.left)}" y="${r2(l.plot.top)}" width="${r2(l.plot.right - l.plot.left)}" height="${r2(l.plot.bottom - l.plot.top)}"/></clipPath></defs>`,
    `<rect class="background" width="${r2(l.width)}" height="${r2(l.height)}" fill="#ffffff"/>`,
    ...axes(figure, l, s),
    ...body.bands,
    ...chanceLine(figure, l, s),
    ...body.markers,
    ...body.series,
    ...legend(figure, l),
    "</svg>",
  ];
  return { svg: parts.join("\n") + "\n", width: inches.width, height: inches.height };
}
