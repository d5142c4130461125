import type { CurveChartModel } from "@/lib/charts/prepare-curve-chart";
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

/** Everything an export needs: the page's chart model, the words around it, and the data. */
export type Figure = {
  chart: ReadyChart;
  title: string;
  caption: string;
  citation: string;
  provenance: FigureProvenance;
  rows: FigureRow[];
};
