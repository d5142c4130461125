import type { ItemsResponse } from "@/lib/schemas/items";
import { formatAxisValue } from "@/lib/domain/scale-axes";

export const FLIP_MAP_SIZE = { column: 72, height: 320, margin: 10, axis: 28 };

export type FlipMapDrawing = {
  width: number;
  height: number;
  /** one per model: its label and where its column starts */
  columns: { label: string; x: number; width: number }[];
  /** one per bin of ordered items: where it sits and each cell's colour */
  rows: { y: number; height: number; cells: string[]; worse: boolean }[];
  /** the boundary between adjacent columns: red when the paired test finds a real change there */
  steps: { x: number; significant: boolean; up: boolean }[];
  ariaLabel: string;
};

/** Share correct 0 → light grey, 1 → deep blue: a sequential scale that prints in greyscale too. */
export function shareColour(share: number): string {
  const s = Math.min(1, Math.max(0, share));
  const from = [238, 238, 238];
  const to = [23, 63, 136];
  const [r, g, b] = from.map((f, i) => Math.round(f + (to[i] - f) * s));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The flip map as a heat map of the server's bins: columns are the family's
 * models, smallest first; rows are bins of items in the flip-map order (the size
 * at which each becomes reliably correct, then items worse with scale, then items
 * never correct); a cell's colour is the share of its items correct. Items worse
 * with scale get a red mark in the left margin.
 */
export function prepareFlipMap(data: ItemsResponse): FlipMapDrawing {
  const { column, height, margin, axis } = FLIP_MAP_SIZE;
  const columns = data.models.map((m, i) => ({ label: formatAxisValue(m.x, data.x), x: margin + i * column, width: column }));
  const total = data.flipMap.bins.at(-1)?.to ?? 0;
  const rows = data.flipMap.bins.map((bin) => ({
    y: total === 0 ? 0 : (bin.from / total) * height,
    height: total === 0 ? 0 : Math.max(1, ((bin.to - bin.from) / total) * height),
    cells: bin.correct.map(shareColour),
    worse: bin.worse > 0,
  }));
  const steps = data.pairedTests.map((t, i) => ({ x: margin + (i + 1) * column, significant: t.significant, up: t.effect > 0 }));
  const jumps = data.pairedTests.filter((t) => t.significant && t.effect > 0).map((t) => formatAxisValue(data.models.find((m) => m.model === t.to)!.x, data.x));
  return {
    width: margin + data.models.length * column + margin,
    height: height + axis,
    columns,
    rows,
    steps,
    ariaLabel:
      `Flip map of ${data.complete} items of ${data.task} (${data.metric}) across ${data.models.length} sizes of ${data.family}` +
      (jumps.length > 0 ? `; paired tests find a real rise at ${jumps.join(", ")}` : "; no paired test finds a real rise"),
  };
}
