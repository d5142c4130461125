import { figureQuerySchema, figureRequestQuerySchema, type FigurePreset } from "@/lib/schemas/figures";
import type { CurvesQuery } from "@/lib/schemas/curves";
import { toPanelFigureSearch, type FigureView, type PanelFigureView } from "./figure-view";
import { writeTaskView } from "./task-view";

/** The Export menu's fields as the user typed them. */
export type ExportForm = {
  preset: FigurePreset;
  width: string;
  height: string;
  font: string;
  dpi: string;
};

export const DEFAULT_EXPORT_FORM: ExportForm = { preset: "single", width: "", height: "", font: "", dpi: "300" };

/**
 * The figure view of the task page's view (with the families its URL names) and
 * the menu's fields, validated by the same schema the route uses; an invalid
 * field is named, as the route would.
 */
export function toExportView(query: CurvesQuery, families: string[] | undefined, form: ExportForm): { view: FigureView } | { error: string } {
  const raw: Record<string, string> = { ...Object.fromEntries(writeTaskView(query, families)), preset: form.preset, dpi: form.dpi };
  if (form.preset === "custom" && form.width.trim()) raw.width = form.width.trim();
  if (form.preset === "custom" && form.height.trim()) raw.height = form.height.trim();
  if (form.font.trim()) raw.font = form.font.trim();
  const parsed = figureQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue.path.join(".")}: ${issue.message}` };
  }
  return { view: { ...parsed.data, task: query.task } };
}

/**
 * A panel's figure view (its API's query plus the panel's choice) with the menu's fields,
 * validated by the figure route's own schema; an invalid field is named, as the route would.
 */
export function toPanelExportView(panel: PanelFigureView, form: ExportForm): { view: PanelFigureView } | { error: string } {
  const raw: Record<string, string> = Object.fromEntries(new URLSearchParams(toPanelFigureSearch(panel)));
  raw.preset = form.preset;
  raw.dpi = form.dpi;
  if (form.preset === "custom" && form.width.trim()) raw.width = form.width.trim();
  if (form.preset === "custom" && form.height.trim()) raw.height = form.height.trim();
  if (form.font.trim()) raw.font = form.font.trim();
  const parsed = figureRequestQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue.path.join(".")}: ${issue.message}` };
  }
  const { preset, width, height, font, dpi } = parsed.data;
  return { view: { ...panel, preset, width, height, font, dpi } };
}
