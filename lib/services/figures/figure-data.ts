import "server-only";
import { getPool } from "@/lib/db/client";
import { getCurves } from "@/lib/db/curves";
import { getAnalysis } from "@/lib/db/analysis";
import type { CurvesQuery, CurvesResponse } from "@/lib/schemas/curves";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { FigureSource, ModelScale } from "@/lib/figures/figure-types";

export type FigureData = { curves: CurvesResponse; analyses: CurveAnalysis[]; sources: FigureSource[]; scales: ModelScale[] };

/**
 * What a figure export needs: the view's curves and stored analyses (the same
 * reads as /api/curves and /api/analysis), the uploads behind its points with
 * their sha256, and every plotted model's registry scale.
 */
export async function getFigureData(query: CurvesQuery): Promise<FigureData> {
  const curves = await getCurves(query);
  const { analyses } = await getAnalysis(query);
  const points = curves.series.flatMap((s) => s.points);
  const uploadIds = [...new Set(points.flatMap((p) => (p.uploadId === null ? [] : [p.uploadId])))];
  const names = curves.x === "checkpoint" ? curves.series.map((s) => s.family) : [...new Set(points.map((p) => p.model))];
  const pool = getPool();
  const sources = await pool.query<Omit<FigureSource, "createdAt"> & { createdAt: Date }>(
    `SELECT id AS "uploadId", file_name AS "fileName", sha256, format, created_at AS "createdAt", note
     FROM upload WHERE id = ANY($1::int[]) ORDER BY id`,
    [uploadIds],
  );
  const scales = await pool.query<ModelScale>(
    `SELECT name, parameters, training_tokens AS "trainingTokens", training_flops AS "trainingFlops"
     FROM model WHERE name = ANY($1::text[])`,
    [names],
  );
  return {
    curves,
    analyses,
    sources: sources.rows.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    scales: scales.rows,
  };
}
