import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { getFigureData } from "@/lib/services/figures/figure-data";
import { prepareFigure } from "@/lib/figures/prepare-figure";
import { renderFigureSvg } from "@/lib/figures/render-figure-svg";
import { renderPng } from "@/lib/figures/render-png";
import { renderPdf } from "@/lib/figures/render-pdf";
import { toFigureCsv } from "@/lib/figures/to-figure-csv";
import { toFigureJson } from "@/lib/figures/to-figure-json";
import { toFigureSize, toPixelSize } from "@/lib/figures/figure-size";
import { toFigureUrl } from "@/lib/view-state/figure-view";
import { MissingFontError } from "@/lib/figures/figure-fonts";
import { MAX_PNG_PIXELS, type FigureFormat, type FigureQuery, type FigureRequestQuery } from "@/lib/schemas/figures";
import type { Figure } from "@/lib/figures/figure-types";
import { getPanelFigure } from "./panel-figure";

/** A figure or its data as a download: bytes, their media type, and a file name. */
export type FigureFile = { body: Uint8Array | string; contentType: string; fileName: string };

const TYPES: Record<FigureFormat, string> = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

/** The task page's chart as a figure (prepareFigure over /api/curves and /api/analysis's data). */
async function getMainFigure(task: string, q: FigureQuery): Promise<{ figure: Figure; fileName: string }> {
  const data = await getFigureData({ task, metric: q.metric, shots: q.shots, x: q.x, model: q.model });
  const { curves } = data;
  const resolved = { ...q, task, metric: curves.metric.name, shots: curves.shots ?? ("unknown" as const), model: curves.model ?? undefined };
  const prepared = prepareFigure({ ...data, families: q.families, reproduce: toFigureUrl(resolved, "{svg,png,pdf,csv,json,txt}") });
  if (prepared.kind === "unknown-families") {
    throw new AppError(404, "not_found", `families: no ${prepared.unknown.map((f) => `"${f}"`).join(", ")} on this view; it has ${prepared.available.map((f) => `"${f}"`).join(", ") || "no families"}`);
  }
  if (prepared.kind === "empty") throw new AppError(422, "no_points", `nothing to plot: ${prepared.message}`);
  const fileName = [task, curves.metric.name, `${curves.shots ?? "unknown"}shot`, curves.x, curves.model].filter(Boolean).join("_");
  return { figure: prepared.figure, fileName };
}

/**
 * One figure export: the view's figure (the task page's chart, or with `view` one of its
 * panels: loss axis, pooled curve, forecast), then the format's renderer, the same for all.
 * 404 for an unknown task, metric, shots or family; 422 when nothing would be plotted,
 * rather than an empty file.
 */
export async function renderFigureFile(task: string, format: FigureFormat, q: FigureRequestQuery): Promise<FigureFile> {
  const { figure, fileName: stem } = q.view === "main" ? await getMainFigure(task, q) : await getPanelFigure(task, q);
  const fileName = `${stem}.${format}`;
  const download = (body: Uint8Array | string) => ({ body, contentType: TYPES[format], fileName });
  if (format === "csv") return download(toFigureCsv(figure));
  if (format === "json") return download(JSON.stringify(toFigureJson(figure), null, 2) + "\n");
  if (format === "txt") return download(`${figure.title}\n\n${figure.caption}\n\n${figure.citation}\n`);
  const size = toFigureSize(q);
  try {
    if (format === "svg") return download(renderFigureSvg(figure, size).svg);
    if (format === "pdf") {
      const { svg, width, height } = renderFigureSvg(figure, size, { points: true });
      return download(await renderPdf(svg, { width, height }, figure));
    }
    const { svg, width, height } = renderFigureSvg(figure, size, { dpi: q.dpi });
    const px = toPixelSize({ width, height }, q.dpi);
    if (px.width * px.height > MAX_PNG_PIXELS) {
      throw new AppError(400, "invalid_query", `dpi: ${q.dpi} dpi at ${width.toFixed(2)} × ${height.toFixed(2)} in is ${px.width} × ${px.height} pixels; the most is ${MAX_PNG_PIXELS.toLocaleString("en")} pixels`);
    }
    return download(renderPng(svg, q.dpi));
  } catch (err) {
    if (err instanceof MissingFontError) throw new AppError(500, "font_missing", err.message);
    throw err;
  }
}
