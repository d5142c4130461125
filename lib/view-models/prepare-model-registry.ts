import type { FactSource, RegistryModelView, ScaleFact } from "@/lib/schemas/model-registry";
import { formatExponent, formatScale } from "@/lib/domain/scale-format";
import { NO_FAMILY } from "@/lib/domain/no-family";

/** One fact as a cell shows it: the number (≈ for an estimate), and where it came from in words. */
export type FactView = { text: string; estimated: boolean; source: string; kind: FactSource["kind"] };

export type ModelRowView = {
  model: RegistryModelView;
  facts: Record<ScaleFact, FactView>;
};

export type FamilyView = { family: string; models: ModelRowView[] };

export type RegistryView = { families: FamilyView[]; shown: number; total: number };


const format = (field: ScaleFact, value: number) => (field === "trainingFlops" ? formatExponent(value) : formatScale(value));

/** "2026-11-26 09:00 UTC": the same text on the server and in every browser. */
export function formatEditTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function describeSource(field: ScaleFact, source: FactSource): string {
  const { edit } = source;
  if (edit === null) return source.kind === "upload" ? "entered with an upload" : (source.source ?? "no source recorded");
  const when = `${edit.tokenName}, ${formatEditTime(edit.at)}`;
  if (edit.field === "created") return `${edit.reason} (added by ${when})`;
  const was = edit.oldValue === null ? "unknown" : format(field, edit.oldValue);
  return `${edit.reason} (edited by ${when}; was ${was})`;
}

export function toFactView(model: RegistryModelView, field: ScaleFact): FactView {
  const value = model[field];
  const estimated = field === "trainingFlops" && model.flopsEstimated && value !== null;
  const text = value === null ? "unknown" : `${estimated ? "≈" : ""}${format(field, value)}`;
  return { text, estimated, source: describeSource(field, model.sources[field]), kind: model.sources[field].kind };
}

function matches(model: RegistryModelView, needle: string): boolean {
  if (needle === "") return true;
  return [model.name, model.family ?? NO_FAMILY, ...model.aliases].some((s) => s.toLowerCase().includes(needle));
}

/**
 * The registry page's content: models matching the search (name, alias or
 * family, case-insensitively) grouped by family in the API's order (family,
 * then size), each fact formatted with its source.
 */
export function prepareModelRegistry(models: readonly RegistryModelView[], search: string): RegistryView {
  const needle = search.trim().toLowerCase();
  const families = new Map<string, ModelRowView[]>();
  let shown = 0;
  for (const model of models) {
    if (!matches(model, needle)) continue;
    shown += 1;
    const family = model.family ?? NO_FAMILY;
    const rows = families.get(family) ?? [];
    rows.push({ model, facts: { parameters: toFactView(model, "parameters"), trainingTokens: toFactView(model, "trainingTokens"), trainingFlops: toFactView(model, "trainingFlops") } });
    families.set(family, rows);
  }
  return { families: [...families].map(([family, rows]) => ({ family, models: rows })), shown, total: models.length };
}
