import type { IngestPlan } from "@/lib/ingest/plan-types";
import type { FilePreview } from "@/lib/schemas/uploads";

type PlanPreview = Pick<FilePreview, "format" | "models" | "tasks" | "metrics" | "shots">;

/** What a planned file would store, for the dry-run preview: models with their resolved scale, tasks, metrics, shots. */
export function toUploadPreview(plan: IngestPlan): PlanPreview {
  const shots = [...new Set(plan.rows.shots)].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return {
    format: plan.format,
    models: plan.models.map((m) => ({
      name: m.name,
      family: m.family,
      scale:
        m.parameters === null && m.trainingTokens === null && m.trainingFlops === null
          ? null
          : { parameters: m.parameters, trainingTokens: m.trainingTokens, trainingFlops: m.trainingFlops, flopsEstimated: m.flopsEstimated },
    })),
    tasks: plan.tasks.map((t) => t.name).sort(),
    metrics: plan.metrics.map((m) => m.name).sort(),
    shots,
  };
}
