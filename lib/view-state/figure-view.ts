import type { FigureFormat, FigureQuery, ForecastFigureQuery, LossFigureQuery, PooledFigureQuery } from "@/lib/schemas/figures";
import type { LossQuery } from "@/lib/schemas/loss-axis";
import type { PooledQuery } from "@/lib/schemas/pooled";
import type { ForecastQuery } from "@/lib/schemas/forecast";
import { writeTaskView } from "./task-view";
import { toLossSearch } from "./loss-view";
import { toPooledSearch } from "./pooled-view";
import { toForecastSearch } from "./forecast-view";

export type FigureView = Partial<FigureQuery> & Pick<FigureQuery, "x"> & { task: string };

type Drawing = Partial<Pick<FigureQuery, "preset" | "width" | "height" | "font" | "dpi">>;

/** A panel's figure: its API's query (the task included), which panel, and how to draw it. */
export type PanelFigureView = Drawing &
  (
    | ({ view: LossFigureQuery["view"] } & LossQuery)
    | ({ view: PooledFigureQuery["view"] } & PooledQuery)
    | ({ view: ForecastFigureQuery["view"]; families?: string[] } & ForecastQuery)
  );

/** every format at once, for a figure's "reproduce" line */
type AnyFormat = "{svg,png,pdf,csv,json,txt}";

function writeDrawing(params: URLSearchParams, v: Drawing): URLSearchParams {
  if (v.preset) params.set("preset", v.preset);
  if (v.preset === "custom") {
    if (v.width !== undefined) params.set("width", String(v.width));
    if (v.height !== undefined) params.set("height", String(v.height));
  }
  if (v.font !== undefined) params.set("font", String(v.font));
  if (v.dpi !== undefined) params.set("dpi", String(v.dpi));
  return params;
}

/** The query string of a figure: the task view's parameters, then the drawing options, in one fixed order. */
export function toFigureSearch(v: FigureView): string {
  return writeDrawing(writeTaskView(v, v.families), v).toString();
}

/** `/api/figures/<task>.<format>?...`: the export of a view, for the page's menu, scripts and notebooks. */
export function toFigureUrl(v: FigureView, format: FigureFormat | AnyFormat): string {
  return `/api/figures/${encodeURIComponent(v.task)}.${format}?${toFigureSearch(v)}`;
}

/** A panel figure's query string: `view`, then its API's own parameters as that API writes them (the task is in the path), then the drawing options. */
export function toPanelFigureSearch(v: PanelFigureView): string {
  const api = v.view === "loss" ? toLossSearch(v) : v.view === "pooled" ? toPooledSearch(v) : toForecastSearch(v);
  const params = new URLSearchParams({ view: v.view });
  for (const [key, value] of new URLSearchParams(api)) if (key !== "task") params.append(key, value);
  if (v.view === "forecast" && v.families && v.families.length > 0) params.set("families", v.families.join(","));
  return writeDrawing(params, v).toString();
}

/** `/api/figures/<task>.<format>?view=loss|pooled|forecast&...`: the export of one of the task page's panels. */
export function toPanelFigureUrl(v: PanelFigureView, format: FigureFormat | AnyFormat): string {
  return `/api/figures/${encodeURIComponent(v.task)}.${format}?${toPanelFigureSearch(v)}`;
}
