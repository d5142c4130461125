import type { ChartPoint, ChartSeries, CurveChartModel } from "@/lib/charts/prepare-curve-chart";
import type { Verdict } from "@/lib/schemas/analysis";
import type { DemoDataset } from "./demo-datasets";

export type ReadyChart = Extract<CurveChartModel, { kind: "ready" }>;

/** An upload behind a figure's points: where the numbers came from, byte for byte. */
export type FigureSource = {
  uploadId: number;
  fileName: string;
  sha256: string;
  format: string;
  createdAt: string;
  note: string | null;
};

/** A model's registry scale, for the data export's scale columns. */
export type ModelScale = {
  name: string;
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
};

/** One plotted point as the data export lists it; unknown is null, never 0. */
export type FigureRow = {
  task: string;
  metric: string;
  shots: number | null;
  axis: string;
  family: string;
  model: string;
  x: number;
  xEstimated: boolean;
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
  value: number;
  stderr: number | null;
  /** the half-width drawn: the file's stderr, else binomial from n */
  errorBar: number | null;
  n: number | null;
  verdict: Verdict | null;
  vsChance: string | null;
  uploadId: number | null;
  fileName: string | null;
  sha256: string | null;
};

export type FigureProvenance = {
  /** the URL path and query that reproduces this figure (any format) */
  reproduce: string;
  sources: FigureSource[];
  datasets: DemoDataset[];
};

/** One series as a figure draws it: the page's chart series, or one built the same way by a panel's preparer. */
export type FigureSeries = Pick<ChartSeries, "name" | "legendLabel" | "color" | "shape" | "fit" | "joinPoints" | "threshold"> & {
  points: Pick<ChartPoint, "x" | "y" | "error" | "filled">[];
};

/** A prediction band (a forecast's), drawn under the series in its family's colour. */
export type FigureBand = { name: string; color: string; points: { x: number; lower: number; upper: number }[] };

/** What the SVG renderer draws: the page's ready chart fits it as it is; the panels' figures add bands and markers. */
export type FigureChart = Pick<ReadyChart, "title" | "xDomain" | "xTicks" | "yTicks" | "xLabel" | "yLabel" | "yDomain" | "chance"> & {
  series: FigureSeries[];
  /** the x axis drawn decreasing to the right (the loss axis: lower loss, more capable, to the right) */
  xReversed?: boolean;
  bands?: FigureBand[];
  /** vertical reference lines, labelled (a forecast's cutoff) */
  markers?: { x: number; label: string }[];
};

export type CsvValue = string | number | boolean | null;

/** Everything an export needs: the chart to draw, the words around it, and the data behind it. */
export type Figure = {
  chart: FigureChart;
  title: string;
  caption: string;
  citation: string;
  provenance: FigureProvenance;
  /** the CSV's columns: header name and row key */
  columns: [string, string][];
  rows: Record<string, CsvValue>[];
  /** data the JSON export carries beside the rows (a loss view's unplaced models, a pooled curve's offsets) */
  extra?: Record<string, unknown>;
};
