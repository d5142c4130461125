import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import type { CurvesResponse } from "@/lib/schemas/curves";
import type { ForecastResponse } from "@/lib/schemas/forecast";
import { seriesStyle } from "@/lib/charts/palette";
import type { FigureSeries, FigureSource } from "./figure-types";
import { toFigureFrame } from "./figure-frame";
import { toForecastCaption } from "./to-forecast-caption";
import { toProvenance } from "./provenance";
import type { PreparedViewFigure } from "./prepare-loss-figure";

const COLUMNS: [string, string][] = [
  ["task", "task"], ["metric", "metric"], ["shots", "shots"], ["axis", "axis"], ["form", "form"], ["cutoff", "cutoff"], ["level", "level"],
  ["family", "family"], ["role", "role"], ["model", "model"], ["x", "x"], ["observed", "observed"], ["stderr", "stderr"],
  ["forecast", "forecast"], ["lower", "lower"], ["upper", "upper"], ["inside", "inside"],
];

export type ForecastFigureInput = {
  res: ForecastResponse;
  /** the same view on the same axis (GET /api/curves): the measured points and their errors */
  curves: CurvesResponse;
  /** families to draw, in the forecast's order; undefined: every family with a forecast */
  families?: string[];
  sources: FigureSource[];
  reproduce: string;
};

export type PreparedForecastFigure = PreparedViewFigure | { kind: "unknown-families"; unknown: string[]; available: string[] };

/**
 * The forecast (GET /api/forecast) as a figure, one family or several: each family's measured
 * points below the cutoff (filled: what the form was fitted to) and at or above it (hollow:
 * held out), its forecast line and prediction band, the cutoff line and the chance level.
 * The data lists the fitted, held-out and band rows, each saying which it is.
 */
export function prepareForecastFigure(input: ForecastFigureInput): PreparedForecastFigure {
  const { res, curves } = input;
  if (input.families) {
    const unknown = input.families.filter((f) => !res.families.some((r) => r.family === f));
    if (unknown.length > 0) return { kind: "unknown-families", unknown, available: res.families.map((f) => f.family) };
  }
  const asked = res.families.filter((f) => !input.families || input.families.includes(f.family));
  const chosen = asked.filter((f) => f.band.length > 0);
  if (chosen.length === 0) {
    const notes = asked.map((f) => `${f.family}: ${f.note ?? "no forecast"}`);
    return { kind: "empty", message: `no family has a forecast (${notes.join("; ") || "no family on this view"})` };
  }
  const formatX = (x: number) => formatAxisValue(x, res.x);
  const measuredOf = (family: string) => curves.series.find((s) => s.family === family)?.points ?? [];
  const frame = toFigureFrame({
    xs: chosen.flatMap((f) => [...measuredOf(f.family).map((p) => p.x), ...f.band.map((p) => p.x)]),
    ys: chosen.flatMap((f) => [...measuredOf(f.family).map((p) => p.value), ...f.band.flatMap((p) => [p.lower, p.upper])]),
    chance: curves.chance,
    formatX,
  });
  if (frame === null) return { kind: "empty", message: "nothing measured on this axis" };
  const series: FigureSeries[] = chosen.map((f, index) => {
    const inside = f.heldOut.filter((p) => p.inside).length;
    return {
      name: f.family,
      legendLabel: f.mae === null ? `${f.family} (forecast only)` : `${f.family} (MAE ${Number(f.mae.toPrecision(2))}, ${inside}/${f.heldOut.length} in band)`,
      ...seriesStyle(index),
      points: measuredOf(f.family).map((p) => ({ x: p.x, y: p.value, error: p.stderr, filled: p.x < res.cutoff })),
      fit: f.band.map((p) => ({ x: p.x, y: p.mean })),
      joinPoints: false,
      threshold: null,
    };
  });
  const common = { task: res.task, metric: res.metric, shots: res.shots, axis: res.x, form: res.form, cutoff: res.cutoff, level: res.level };
  const empty = { model: null, observed: null, stderr: null, forecast: null, lower: null, upper: null, inside: null };
  const rows = chosen.flatMap((f) => {
    const measured = measuredOf(f.family);
    // the forecast's sizes come back through log10 and 10^t: matched in log, not by equality
    const heldAt = (x: number) => f.heldOut.find((h) => Math.abs(Math.log10(h.x) - Math.log10(x)) < 1e-9);
    return [
      ...measured.map((p) => {
        const held = p.x < res.cutoff ? undefined : heldAt(p.x);
        return {
          ...common, ...empty, family: f.family, role: p.x < res.cutoff ? "fitted" : "held-out", model: p.model, x: p.x, observed: p.value, stderr: p.stderr,
          ...(held ? { forecast: held.mean, lower: held.lower, upper: held.upper, inside: held.inside } : {}),
        };
      }),
      ...f.band.map((p) => ({ ...common, ...empty, family: f.family, role: "band", x: p.x, forecast: p.mean, lower: p.lower, upper: p.upper })),
    ];
  });
  const { provenance, citation } = toProvenance(input.sources, input.reproduce);
  const y = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  const title = `Forecast: ${res.task}: ${y} by the ${res.form} form from below ${formatX(res.cutoff)}`;
  return {
    kind: "ready",
    figure: {
      chart: {
        ...frame,
        title,
        xLabel: `${AXES[res.x].label} (log scale)`,
        yLabel: y,
        chance: curves.chance === null ? null : { y: curves.chance, label: `chance ${curves.chance}` },
        series,
        bands: chosen.map((f, index) => ({ name: f.family, color: seriesStyle(index).color, points: f.band.map((p) => ({ x: p.x, lower: p.lower, upper: p.upper })) })),
        markers: [{ x: res.cutoff, label: `cutoff ${formatX(res.cutoff)}` }],
      },
      title,
      caption: toForecastCaption(res, chosen, curves.chance, asked.filter((f) => f.band.length === 0)),
      citation,
      provenance,
      columns: COLUMNS,
      rows,
      extra: { form: res.form, cutoff: res.cutoff, level: res.level, families: chosen },
    },
  };
}
