import type { FigureFormat, FigureQuery } from "@/lib/schemas/figures";

export type FigureView = Partial<FigureQuery> & Pick<FigureQuery, "x"> & { task: string };

/**
 * The query string of a figure, in one fixed order so the same view always
 * gives the same URL: the task page's parameters, then the drawing options.
 */
export function toFigureSearch(v: FigureView): string {
  const params = new URLSearchParams();
  if (v.metric) params.set("metric", v.metric);
  if (v.shots !== undefined) params.set("shots", String(v.shots));
  if (v.filter) params.set("filter", v.filter);
  params.set("x", v.x);
  if (v.x === "checkpoint" && v.model) params.set("model", v.model);
  if (v.families && v.families.length > 0) params.set("families", v.families.join(","));
  if (v.preset) params.set("preset", v.preset);
  if (v.preset === "custom") {
    if (v.width !== undefined) params.set("width", String(v.width));
    if (v.height !== undefined) params.set("height", String(v.height));
  }
  if (v.font !== undefined) params.set("font", String(v.font));
  if (v.dpi !== undefined) params.set("dpi", String(v.dpi));
  return params.toString();
}

/** `/api/figures/<task>.<format>?...`: the export of a view, for the page's menu, scripts and notebooks. */
export function toFigureUrl(v: FigureView, format: FigureFormat | "{svg,png,pdf,csv,json,txt}"): string {
  return `/api/figures/${encodeURIComponent(v.task)}.${format}?${toFigureSearch(v)}`;
}
