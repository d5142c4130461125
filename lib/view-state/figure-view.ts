import type { FigureFormat, FigureQuery } from "@/lib/schemas/figures";
import { writeTaskView } from "./task-view";

export type FigureView = Partial<FigureQuery> & Pick<FigureQuery, "x"> & { task: string };

/** The query string of a figure: the task view's parameters, then the drawing options, in one fixed order. */
export function toFigureSearch(v: FigureView): string {
  const params = writeTaskView(v, v.families);
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
