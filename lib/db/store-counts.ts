import "server-only";
import { getPool } from "./client";
import type { ScaleAxis } from "@/lib/schemas/curves";
import type { StoreCounts } from "@/lib/schemas/audit";

/**
 * Counts from result_count (kept at write time per task view and model) and
 * curve_analysis on one axis: no result row is read. Tasks marked as groups are
 * left out, as the overview leaves them out.
 */
export async function getStoreCounts(x: ScaleAxis): Promise<StoreCounts> {
  const { rows } = await getPool().query<StoreCounts>(
    `SELECT (SELECT count(*)::int FROM upload) AS uploads,
            (SELECT count(*)::int FROM task t WHERE NOT t.is_group AND EXISTS (SELECT 1 FROM result_count c WHERE c.task_id = t.id)) AS tasks,
            (SELECT count(DISTINCT model_id)::int FROM result_count) AS models,
            (SELECT count(DISTINCT m.family_id)::int FROM model m WHERE m.family_id IS NOT NULL AND m.id IN (SELECT model_id FROM result_count)) AS families,
            (SELECT coalesce(sum(results), 0)::int FROM result_count) AS results,
            (SELECT count(*)::int FROM curve_analysis WHERE axis = $1) AS curves`,
    [x],
  );
  return rows[0];
}
