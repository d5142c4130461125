import { LN81 } from "./verdict-rules";

/**
 * The sigmoids a transition fit tries, fixed before any value is seen:
 * u(t) = floor + lift · σ(ln 81 · (t − t0) / width), t = log10(scale), σ(z) = 1 / (1 + e^−z),
 * so `width` is the 10–90 % rise in decades. Widths run log-spaced from a step
 * (0.02 decades) to ten times the measured span and include W exactly, so the
 * classes "width < W" and "width ≥ W" share their boundary. For each width the
 * midpoint t0 runs from one width before the smallest size to one width after the
 * largest, in steps of half a width (at least 0.01 decades): a transition further
 * out is a tail the next wider or nearer cell reproduces. The basis g of every
 * cell is precomputed; a fit then costs one weighted dot product per cell.
 */
export type TransitionDesign = {
  t: Float64Array;
  /** ascending; index of W in it */
  widths: Float64Array;
  boundary: number;
  /** per cell: its width index, its midpoint, and its basis g[c·n .. c·n + n) */
  cellWidth: Int32Array;
  cellT0: Float64Array;
  g: Float64Array;
  /** first cell of each width (and one past the last) */
  widthStart: Int32Array;
};

const SMALLEST_WIDTH = 0.02;
const WIDTHS_PER_DECADE = 8;

export function sigmoidBasis(t: number, t0: number, width: number): number {
  return 1 / (1 + Math.exp((-LN81 * (t - t0)) / width));
}

function widthGrid(span: number, boundary: number): number[] {
  const widest = Math.max(10 * span, 4 * boundary);
  const steps = Math.ceil(Math.log10(widest / SMALLEST_WIDTH) * WIDTHS_PER_DECADE);
  const widths = Array.from({ length: steps + 1 }, (_, i) => SMALLEST_WIDTH * (widest / SMALLEST_WIDTH) ** (i / steps));
  const kept = widths.filter((w) => Math.abs(Math.log10(w / boundary)) > 0.02);
  return [...kept, boundary].sort((a, b) => a - b);
}

export function createTransitionDesign(t: Float64Array, boundary: number): TransitionDesign {
  const n = t.length;
  const span = t[n - 1] - t[0];
  const widths = widthGrid(span, boundary);
  const cellWidth: number[] = [];
  const cellT0: number[] = [];
  const widthStart: number[] = [];
  widths.forEach((width, wi) => {
    widthStart.push(cellWidth.length);
    const step = Math.max(width / 2, 0.01);
    const from = t[0] - width;
    const count = Math.floor((span + 2 * width) / step) + 1;
    for (let k = 0; k < count; k++) {
      cellWidth.push(wi);
      cellT0.push(from + k * step);
    }
  });
  widthStart.push(cellWidth.length);
  const g = new Float64Array(cellWidth.length * n);
  for (let c = 0; c < cellWidth.length; c++) {
    for (let i = 0; i < n; i++) g[c * n + i] = sigmoidBasis(t[i], cellT0[c], widths[cellWidth[c]]);
  }
  return {
    t,
    widths: Float64Array.from(widths),
    boundary: widths.indexOf(boundary),
    cellWidth: Int32Array.from(cellWidth),
    cellT0: Float64Array.from(cellT0),
    g,
    widthStart: Int32Array.from(widthStart),
  };
}
