import { VERDICT_STYLE } from "@/lib/charts/verdict-style";
import { AXES, formatAxisValue } from "@/lib/domain/scale-axes";
import type { PooledResponse } from "@/lib/schemas/pooled";
import type { FigureSeries, FigureSource } from "./figure-types";
import { toFigureSeries } from "./figure-series";
import { toFigureFrame } from "./figure-frame";
import { toPooledCaption } from "./to-pooled-caption";
import { toProvenance } from "./provenance";
import type { PreparedViewFigure } from "./prepare-loss-figure";

const COLUMNS: [string, string][] = [
  ["task", "task"], ["metric", "metric"], ["shots", "shots"], ["axis", "axis"], ["reference_family", "reference"], ["family", "family"],
  ["model", "model"], ["x", "x"], ["offset_decades", "offset"], ["x_shifted", "xShifted"], ["value", "value"], ["stderr", "stderr"],
  ["vs_chance", "vsChance"], ["family_departs", "departs"], ["p_departure", "pDeparture"], ["pooled_verdict", "verdict"],
];

/**
 * The pooled curve (GET /api/pooled) as a figure: each fitted family's points at its shifted
 * scale (x × 10^offset, in the reference family's units), in its own colour, with the pooled
 * fit and threshold drawn once in black. Legends give each family's offset and flag departures.
 */
export function preparePooledFigure(res: PooledResponse, sources: FigureSource[], reproduce: string): PreparedViewFigure {
  const pooled = res.pooled;
  if (pooled === null) return { kind: "empty", message: "fewer than two families with standard errors can be placed on one curve" };
  const a = pooled.analysis;
  const formatX = (x: number) => formatAxisValue(x, res.x);
  const familyOf = (model: string) => pooled.families.find((f) => model.startsWith(`${f.family}: `));
  const fitted = pooled.families.filter((f) => a.points.some((p) => familyOf(p.model)?.family === f.family));
  const frame = toFigureFrame({ xs: [...a.points.map((p) => p.x), ...a.fitted.map((p) => p.x)], ys: a.points.flatMap((p) => [p.value - (p.se ?? 0), p.value + (p.se ?? 0)]), chance: a.chance, formatX });
  if (frame === null) return { kind: "empty", message: "the pooled curve has no points" };
  const families: FigureSeries[] = fitted.map((f, index) => {
    const points = a.points.filter((p) => familyOf(p.model)?.family === f.family);
    const shift = f.shift ?? 0;
    const series = toFigureSeries({
      name: f.family, index, formatX, analysis: { ...a, fitted: [], threshold: null },
      points: points.map((p) => ({ x: p.x, y: p.value, error: p.se, model: p.model })),
      legend: `${f.family} (${f.family === pooled.reference ? "reference" : `${shift >= 0 ? "+" : ""}${shift.toFixed(2)} dec`}${f.departs ? ", departs" : ""})`,
    });
    // a family's own points are not joined: the pooled curve is the fit they share
    return { ...series, joinPoints: false };
  });
  const curve = toFigureSeries({ name: a.family, index: 0, formatX, analysis: a, points: [], legend: `pooled curve (${VERDICT_STYLE[a.verdict].label})` });
  const common = { task: res.task, metric: res.metric, shots: res.shots, axis: res.x, reference: pooled.reference, verdict: a.verdict };
  const rows = a.points.map((p) => {
    const f = familyOf(p.model);
    const shift = f?.shift ?? 0;
    return {
      ...common, family: f?.family ?? null, model: f ? p.model.slice(f.family.length + 2) : p.model,
      x: p.x / 10 ** shift, offset: shift, xShifted: p.x, value: p.value, stderr: p.se, vsChance: p.vsChance,
      departs: f?.departs ?? null, pDeparture: f?.pDeparture ?? null,
    };
  });
  const { provenance, citation } = toProvenance(sources, reproduce);
  const y = `${res.metric}${res.shots === null ? "" : ` (${res.shots}-shot)`}`;
  return {
    kind: "ready",
    figure: {
      chart: {
        ...frame,
        title: `Pooled across families: ${res.task}: ${y} against ${AXES[res.x].label.toLowerCase()}, families offset onto ${pooled.reference}`,
        xLabel: `${AXES[res.x].label} of ${pooled.reference}, each family offset (log scale)`,
        yLabel: y,
        chance: a.chance === null ? null : { y: a.chance, label: `chance ${a.chance}` },
        series: [...families, { ...curve, color: "#000000", shape: "circle" }],
      },
      title: `Pooled across families: ${res.task}: ${y}`,
      caption: toPooledCaption({ ...res, pooled }),
      citation,
      provenance,
      columns: COLUMNS,
      rows,
      extra: { assumption: res.assumption, reference: pooled.reference, families: pooled.families, verdict: a.verdict, threshold: a.threshold },
    },
  };
}
