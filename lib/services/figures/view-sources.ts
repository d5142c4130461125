import "server-only";
import { getPool } from "@/lib/db/client";
import type { FigureSource } from "@/lib/figures/figure-types";

export type SourceView = { task: string; metric: string; shots: number | null; filter: string };

/** The uploads behind the given models' final results on the given task views: what a panel's figure cites. */
export async function listViewSources(views: SourceView[], models: string[]): Promise<FigureSource[]> {
  if (views.length === 0 || models.length === 0) return [];
  const { rows } = await getPool().query<Omit<FigureSource, "createdAt"> & { createdAt: Date }>(
    `SELECT DISTINCT u.id AS "uploadId", u.file_name AS "fileName", u.sha256, u.format, u.created_at AS "createdAt", u.note
     FROM result r
     JOIN checkpoint c ON c.id = r.checkpoint_id AND c.is_final
     JOIN model m ON m.id = c.model_id
     JOIN task t ON t.id = r.task_id
     JOIN metric me ON me.id = r.metric_id
     JOIN upload u ON u.id = r.upload_id
     JOIN unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS v(task, metric, shots, filter)
       ON t.name = v.task AND me.name = v.metric AND r.shots IS NOT DISTINCT FROM v.shots AND r.filter = v.filter
     WHERE m.name = ANY($5::text[])
     ORDER BY u.id`,
    [views.map((v) => v.task), views.map((v) => v.metric), views.map((v) => v.shots), views.map((v) => v.filter), models],
  );
  return rows.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }));
}
