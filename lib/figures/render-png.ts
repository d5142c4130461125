import "server-only";
import { Resvg } from "@resvg/resvg-js";
import { findFigureFont } from "./figure-fonts";
import { FIGURE_FONT } from "./render-figure-svg";
import { withPngDpi } from "./png-dpi";

/**
 * Rasterises an SVG whose root size is already in pixels (renderFigureSvg with
 * `dpi`) with resvg and only DejaVu Sans loaded, so a PNG looks the same on every
 * machine; then records the resolution in a pHYs chunk (resvg writes none).
 */
export function renderPng(svg: string, dpi: number): Uint8Array {
  const font = findFigureFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "original" },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontDirs: [font.dir], defaultFontFamily: FIGURE_FONT, sansSerifFamily: FIGURE_FONT },
  });
  return withPngDpi(resvg.render().asPng(), dpi);
}
