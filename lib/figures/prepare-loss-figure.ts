import { prepareLossChart } from "@/lib/charts/prepare-loss-chart";
import { fmt } from "@/lib/emergence/format-number";
import type { LossResponse } from "@/lib/schemas/loss-axis";
import type { Figure, FigureSource } from "./figure-types";
import { toFigureSeries } from "./figure-series";
import { toLossCaption } from "./to-loss-caption";
import { toProvenance } from "./provenance";

export type PreparedViewFigure = { kind: "ready"; figure: Figure } | { kind: "empty"; message: string };

const COLUMNS: [string, string][] = [
  ["task", "task"], ["metric", "metric"], ["shots", "shots"], ["reference", "reference"], ["reference_shots", "referenceShots"],
  ["family", "family"], ["model", "model"], ["placed", "placed"], ["loss", "loss"], ["value", "value"], ["stderr", "stderr"], ["verdict", "verdict"],
];

/**
 * The loss view (GET /api/loss) as a figure: the panel's chart model (prepareLossChart: log
 * reference axis decreasing to the right, its ticks and labels) with each family's points,
 * fit and threshold on that axis; the data lists unplaced models too, with no loss.
 */
export function prepareLossFigure(res: LossResponse, sources: FigureSource[], reproduce: string): PreparedViewFigure {
  const chart = prepareLossChart(res);
  if (chart === null || res.ref === null) {
    return { kind: "empty", message: res.ref === null ? "no model of this view has a loss-type result to place it on" : `no model of this view has ${res.ref.task}:${res.ref.metric}` };
  }
  const ref = { ...res, ref: res.ref };
  const byFamily = new Map(res.analyses.map((a) => [a.family, a]));
  const series = res.series.map((s, index) =>
    toFigureSeries({
      name: s.family, index, analysis: byFamily.get(s.family), formatX: fmt,
      points: s.points.map((p) => ({ x: p.loss, y: p.value, error: p.stderr, model: p.model })),
    }),
  );
  const reference = `${res.ref.task}:${res.ref.metric}`;
  const common = { task: res.task, metric: res.metric, shots: res.shots, reference, referenceShots: res.ref.shots };
  const rows = [
    ...res.series.flatMap((s) =>
      s.points.map((p) => ({ ...common, family: s.family, model: p.model, placed: true, loss: p.loss, value: p.value, stderr: p.stderr, verdict: byFamily.get(s.family)?.verdict ?? null })),
    ),
    ...res.unplaced.map((u) => ({ ...common, family: null, model: u.model, placed: false, loss: null, value: u.value, stderr: null, verdict: null })),
  ];
  const { provenance, citation } = toProvenance(sources, reproduce);
  return {
    kind: "ready",
    figure: {
      chart: { ...chart, chance: chart.chance === null ? null : { y: chart.chance, label: `chance ${chart.chance}` }, series, xReversed: true },
      title: chart.title,
      caption: toLossCaption(ref),
      citation,
      provenance,
      columns: COLUMNS,
      rows,
      extra: { reference: res.ref, unplaced: res.unplaced, analyses: res.analyses.map((a) => ({ family: a.family, verdict: a.verdict, threshold: a.threshold })) },
    },
  };
}
