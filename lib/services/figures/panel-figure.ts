import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { getLossView } from "@/lib/services/analysis/loss-view";
import { getPooled } from "@/lib/services/analysis/pooled";
import { getForecast } from "@/lib/services/analysis/forecast";
import { getCurves } from "@/lib/db/curves";
import { prepareLossFigure, type PreparedViewFigure } from "@/lib/figures/prepare-loss-figure";
import { preparePooledFigure } from "@/lib/figures/prepare-pooled-figure";
import { prepareForecastFigure } from "@/lib/figures/prepare-forecast-figure";
import type { Figure } from "@/lib/figures/figure-types";
import type { ForecastFigureQuery, LossFigureQuery, PooledFigureQuery } from "@/lib/schemas/figures";
import { toPanelFigureUrl } from "@/lib/view-state/figure-view";
import { listViewSources } from "./view-sources";
import { formatAxisValue } from "@/lib/domain/scale-axes";

const ANY = "{svg,png,pdf,csv,json,txt}" as const;

function ready(prepared: PreparedViewFigure): Figure {
  if (prepared.kind === "empty") throw new AppError(422, "no_points", `nothing to plot: ${prepared.message}`);
  return prepared.figure;
}

/**
 * One of the task page's panels as a figure: the same read as its API (GET /api/loss,
 * /api/pooled, /api/forecast), the uploads behind its points, then its preparer. The
 * reproduce line names the resolved view (metric and shots filled in), as the main figure's does.
 */
export async function getPanelFigure(task: string, q: LossFigureQuery | PooledFigureQuery | ForecastFigureQuery): Promise<{ figure: Figure; fileName: string }> {
  const drawing = { preset: q.preset, width: q.width, height: q.height, font: q.font, dpi: q.dpi };
  if (q.view === "loss") {
    const res = await getLossView({ ...q, task });
    const shots = res.shots ?? ("unknown" as const);
    const ref = res.ref ? `${res.ref.task}:${res.ref.metric}` : undefined;
    const reproduce = toPanelFigureUrl({ ...drawing, view: "loss", task, metric: res.metric, shots, filter: res.filter, ref, refShots: ref ? (res.ref?.shots ?? "unknown") : undefined }, ANY);
    const models = [...res.series.flatMap((s) => s.points.map((p) => p.model)), ...res.unplaced.map((u) => u.model)];
    const views = [{ task: res.task, metric: res.metric, shots: res.shots, filter: res.filter }, ...(res.ref ? [res.ref] : [])];
    const figure = ready(prepareLossFigure(res, await listViewSources(views, models), reproduce));
    return { figure, fileName: [res.task, res.metric, `${res.shots ?? "unknown"}shot`, "loss", res.ref?.task, res.ref?.metric].filter(Boolean).join("_") };
  }
  if (q.view === "pooled") {
    const res = await getPooled({ ...q, task });
    const reproduce = toPanelFigureUrl({ ...drawing, view: "pooled", task, metric: res.metric, shots: res.shots ?? "unknown", filter: res.filter, x: res.x }, ANY);
    const models = (res.pooled?.analysis.points ?? []).map((p) => {
      const family = res.pooled?.families.find((f) => p.model.startsWith(`${f.family}: `));
      return family ? p.model.slice(family.family.length + 2) : p.model;
    });
    const sources = await listViewSources([{ task: res.task, metric: res.metric, shots: res.shots, filter: res.filter }], models);
    const figure = ready(preparePooledFigure(res, sources, reproduce));
    return { figure, fileName: [res.task, res.metric, `${res.shots ?? "unknown"}shot`, "pooled", res.x].join("_") };
  }
  const res = await getForecast({ ...q, task });
  const curves = await getCurves({ task, metric: res.metric, shots: res.shots ?? "unknown", filter: res.filter, x: res.x });
  const reproduce = toPanelFigureUrl(
    { ...drawing, view: "forecast", task, metric: res.metric, shots: res.shots ?? "unknown", filter: res.filter, x: res.x, form: res.form, cutoff: res.cutoff, level: res.level, reach: q.reach, families: q.families },
    ANY,
  );
  const drawn = curves.series.filter((s) => !q.families || q.families.includes(s.family));
  const sources = await listViewSources([{ task: res.task, metric: res.metric, shots: res.shots, filter: res.filter }], drawn.flatMap((s) => s.points.map((p) => p.model)));
  const prepared = prepareForecastFigure({ res, curves, families: q.families, sources, reproduce });
  if (prepared.kind === "unknown-families") {
    throw new AppError(404, "not_found", `families: no ${prepared.unknown.map((f) => `"${f}"`).join(", ")} on this view; it has ${prepared.available.map((f) => `"${f}"`).join(", ") || "no families"}`);
  }
  const figure = ready(prepared);
  return { figure, fileName: [res.task, res.metric, `${res.shots ?? "unknown"}shot`, "forecast", res.x, res.form, `below${formatAxisValue(res.cutoff, res.x)}`].join("_") };
}
