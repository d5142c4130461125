import "server-only";
import { getPrisma } from "./client";
import type { TaskSummary } from "@/lib/schemas/tasks";

type TaskRow = {
  name: string;
  suite: string | null;
  chance: number | null;
  isGroup: boolean;
  metrics: string[];
  families: number;
  models: number;
  results: number;
  verdicts: TaskSummary["verdicts"] | null;
};

/** Every task with results, with what a list needs to describe it. */
export async function listTasks(): Promise<TaskSummary[]> {
  const rows = await getPrisma().$queryRaw<TaskRow[]>`
    SELECT t.name, t.suite, t.chance, t.is_group AS "isGroup",
           array_agg(DISTINCT me.name ORDER BY me.name) AS metrics,
           count(DISTINCT m.family_id)::int AS families,
           count(DISTINCT m.id)::int AS models,
           count(*)::int AS results,
           (SELECT jsonb_object_agg(v.verdict, v.n) FROM (
              SELECT verdict, count(*)::int AS n FROM curve_analysis
              WHERE task_id = t.id AND axis = 'params' GROUP BY verdict) v) AS verdicts
    FROM task t
    JOIN result r ON r.task_id = t.id
    JOIN metric me ON me.id = r.metric_id
    JOIN checkpoint c ON c.id = r.checkpoint_id
    JOIN model m ON m.id = c.model_id
    GROUP BY t.id
    ORDER BY t.name`;
  return rows.map((r) => ({ ...r, verdicts: r.verdicts ?? {} }));
}
