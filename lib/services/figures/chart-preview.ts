import "server-only";
import { getFigureData, type FigureData } from "@/lib/services/figures/figure-data";
import { prepareFigure } from "@/lib/figures/prepare-figure";
import { renderFigureSvg } from "@/lib/figures/render-figure-svg";
import type { FigureSize } from "@/lib/figures/figure-size";
import type { CurvesQuery } from "@/lib/schemas/curves";

/** About the chart's box on the task page (the width of the content column by 440 px), at a screen font. */
const PREVIEW_SIZE: FigureSize = { preset: "custom", width: 12.5, height: 6.1, font: 11 };

export type TaskPageData = { figure: FigureData | null; previewSvg: string | null };

/**
 * What the task page's server render needs: the view's figure data (its curves seed the client's
 * query cache) and the chart drawn as inline SVG by the export renderer, shown in the HTML until the
 * interactive chart's code has loaded, so the chart is on screen at first paint. A view that cannot
 * be drawn (unknown task, metric or family; nothing to plot) gives no preview: the interactive view
 * shows why.
 */
export async function readTaskPageData(query: CurvesQuery, families: string[] | undefined): Promise<TaskPageData> {
  let figure: FigureData;
  try {
    figure = await getFigureData(query);
  } catch {
    return { figure: null, previewSvg: null };
  }
  const prepared = prepareFigure({ ...figure, families, reproduce: "" });
  if (prepared.kind !== "ready") return { figure, previewSvg: null };
  const { svg } = renderFigureSvg(prepared.figure, PREVIEW_SIZE, { points: true });
  return { figure, previewSvg: svg.replace(/^<\?xml[^>]*\?>\s*/, "") };
}
