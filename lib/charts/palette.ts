/**
 * Okabe & Ito (2008) colour-blind-safe palette, black last, with a marker shape
 * per slot so families stay distinct in greyscale print.
 */
const COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
const SHAPES = ["circle", "square", "triangle", "diamond", "cross", "star", "wye"] as const;
export type MarkerShape = (typeof SHAPES)[number];

export function seriesStyle(index: number): { color: string; shape: MarkerShape } {
  return { color: COLORS[index % COLORS.length], shape: SHAPES[index % SHAPES.length] };
}
