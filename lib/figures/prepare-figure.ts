import { prepareCurveChart } from "@/lib/charts/prepare-curve-chart";
import { pickFamilies } from "@/lib/charts/pick-families";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { CurvesResponse } from "@/lib/schemas/curves";
import { toCaption } from "./to-caption";
import { toCitation } from "./to-citation";
import { FIGURE_COLUMNS } from "./to-figure-csv";
import { toDemoDatasets, type DemoDataset } from "./demo-datasets";
import type { Figure, FigureRow, FigureSource, ModelScale, ReadyChart } from "./figure-types";

export type FigureInput = {
  curves: CurvesResponse;
  analyses: CurveAnalysis[];
  sources: FigureSource[];
  scales: ModelScale[];
  /** families to draw, in the view's order; undefined: all */
  families?: string[];
  reproduce: string;
};

export type PreparedFigure =
  | { kind: "ready"; figure: Figure & { chart: ReadyChart } }
  | { kind: "empty"; message: string }
  | { kind: "unknown-families"; unknown: string[]; available: string[] };

function toRows(chart: ReadyChart, curves: CurvesResponse, scales: ModelScale[], sources: FigureSource[]): FigureRow[] {
  const scaleOf = new Map(scales.map((s) => [s.name, s]));
  const shaOf = new Map(sources.map((s) => [s.uploadId, s.sha256]));
  return chart.series.flatMap((s) =>
    s.data.map((p) => {
      // on the checkpoint axis a series is one model, its points named "<model> @ step N"
      const scale = scaleOf.get(curves.x === "checkpoint" ? s.name : p.model);
      return {
        task: curves.task.name, metric: curves.metric.name, shots: curves.shots, axis: curves.x,
        family: s.name, model: p.model, x: p.x, xEstimated: p.xEstimated,
        parameters: scale?.parameters ?? null, trainingTokens: scale?.trainingTokens ?? null, trainingFlops: scale?.trainingFlops ?? null,
        value: p.y, stderr: p.stderr, errorBar: p.error, n: p.n, verdict: s.verdict, vsChance: p.vsChance,
        uploadId: p.uploadId, fileName: p.fileName, sha256: p.uploadId === null ? null : (shaOf.get(p.uploadId) ?? null),
      };
    }),
  );
}

function datasetsOf(sources: FigureSource[]): DemoDataset[] {
  const byId = new Map(sources.flatMap((s) => toDemoDatasets(s.fileName)).map((d) => [d.id, d]));
  return [...byId.values()];
}

/**
 * A figure for export from the same chart model the task page draws
 * (prepareCurveChart). With only some families asked for, colours and markers are
 * dealt out among those, so a figure of up to eight families never repeats a colour.
 */
export function prepareFigure(input: FigureInput): PreparedFigure {
  const { curves, analyses, families } = input;
  if (families) {
    const unknown = families.filter((f) => !curves.series.some((s) => s.family === f));
    if (unknown.length > 0) return { kind: "unknown-families", unknown, available: curves.series.map((s) => s.family) };
  }
  const styled = prepareCurveChart(pickFamilies(curves, families), analyses);
  if (styled.kind === "empty") return styled;
  const used = new Set(styled.series.flatMap((s) => s.data.map((p) => p.uploadId)));
  const sources = input.sources.filter((s) => used.has(s.uploadId)).sort((a, b) => a.uploadId - b.uploadId);
  const provenance = { reproduce: input.reproduce, sources, datasets: datasetsOf(sources) };
  return {
    kind: "ready",
    figure: {
      chart: styled,
      title: styled.title,
      caption: toCaption(styled, curves),
      citation: toCitation(provenance),
      provenance,
      columns: FIGURE_COLUMNS,
      rows: toRows(styled, curves, input.scales, sources),
    },
  };
}
