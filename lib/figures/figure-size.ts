import type { FigurePreset, FigureQuery } from "@/lib/schemas/figures";

export type FigureSize = {
  preset: FigurePreset;
  /** inches */
  width: number;
  /** inches */
  height: number;
  /** points (1/72 in) */
  font: number;
};

/**
 * Paper sizes: single column 3.25 in and double column 6.75 in (IEEE, ACM, NeurIPS-style
 * two-column layouts), a 16:9 slide at 10 in wide. Fonts in points at that printed width:
 * 8 pt in a column figure reads like the caption beside it.
 */
export const PRESETS: Record<Exclude<FigurePreset, "custom">, Omit<FigureSize, "preset">> = {
  single: { width: 3.25, height: 2.5, font: 8 },
  double: { width: 6.75, height: 3.5, font: 9 },
  slide: { width: 10, height: 5.625, font: 16 },
};

const CUSTOM_FONT = 9;

/** The size a figure query asks for, with the preset's defaults filled in. */
export function toFigureSize(q: Pick<FigureQuery, "preset" | "width" | "height" | "font">): FigureSize {
  if (q.preset === "custom") {
    const width = q.width ?? PRESETS.double.width;
    return { preset: "custom", width, height: q.height ?? Number((width * 0.7).toFixed(3)), font: q.font ?? CUSTOM_FONT };
  }
  const base = PRESETS[q.preset];
  return { preset: q.preset, ...base, font: q.font ?? base.font };
}

/** A PNG's pixel size: the printed size times the resolution, rounded to whole pixels. */
export function toPixelSize(size: { width: number; height: number }, dpi: number): { width: number; height: number } {
  return { width: Math.round(size.width * dpi), height: Math.round(size.height * dpi) };
}
