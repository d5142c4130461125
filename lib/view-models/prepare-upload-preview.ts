import type { FilePreview } from "@/lib/schemas/uploads";
import { formatExponent, formatScale } from "@/lib/domain/scale-format";

export type PreviewStatus = "ready" | "already-uploaded" | "problems";

export type PreviewModelRow = { name: string; family: string; scale: string; unknown: boolean };

export type FilePreviewModel = {
  status: PreviewStatus;
  statusLabel: string;
  format: string;
  counts: Array<{ label: string; value: number }>;
  models: PreviewModelRow[];
  tasks: string[];
  metrics: string[];
  shots: string;
  problems: string[];
};

const FORMATS: Record<string, string> = {
  "lm-eval-v0.3": "lm-evaluation-harness v0.3 JSON",
  "lm-eval-v0.4": "lm-evaluation-harness v0.4 JSON",
  "csv-long": "CSV, long (model, task, metric, value)",
  "csv-wide": "CSV, wide (one column per task-metric)",
};

/** The name of an ingest format for people; an unknown code is shown as it is. */
export function toFormatLabel(format: string | null): string {
  return format === null ? "not detected" : FORMATS[format] ?? format;
}

function toScaleLabel(scale: FilePreview["models"][number]["scale"]): string {
  if (scale === null) return "scale unknown";
  const parts: string[] = [];
  if (scale.parameters !== null) parts.push(`${formatScale(scale.parameters)} parameters`);
  if (scale.trainingTokens !== null) parts.push(`${formatScale(scale.trainingTokens)} tokens`);
  if (scale.trainingFlops !== null) parts.push(`${formatExponent(scale.trainingFlops)} FLOPs${scale.flopsEstimated ? " (estimated)" : ""}`);
  return parts.join(", ");
}

/** Everything the preview card shows for one file's dry run, as text. */
export function prepareFilePreview(file: FilePreview): FilePreviewModel {
  const status: PreviewStatus = !file.ok || file.problems.length > 0 ? "problems" : file.alreadyUploaded ? "already-uploaded" : "ready";
  const statusLabel = { ready: "ready to commit", "already-uploaded": "already uploaded", problems: "has problems" }[status];
  const counts = [
    { label: "rows parsed", value: file.parsed },
    { label: "would insert", value: file.inserted },
    { label: "would update", value: file.updated },
    { label: "unchanged (skipped)", value: file.skipped },
    { label: "missing values (not stored)", value: file.missingValues },
  ];
  return {
    status,
    statusLabel,
    format: toFormatLabel(file.format),
    counts,
    models: file.models.map((m) => ({ name: m.name, family: m.family ?? "—", scale: toScaleLabel(m.scale), unknown: m.scale === null })),
    tasks: file.tasks,
    metrics: file.metrics,
    shots: file.shots.length === 0 ? "—" : file.shots.map((s) => (s === null ? "unknown" : String(s))).join(", "),
    problems: file.problems,
  };
}

/** Models of scale unknown across the previewed files, each once, for the mapping form. */
export function toUnknownModels(files: readonly FilePreview[]): string[] {
  const names = new Set<string>();
  for (const f of files) if (f.ok) for (const m of f.models) if (m.scale === null) names.add(m.name);
  return [...names].sort((a, b) => a.localeCompare(b));
}
