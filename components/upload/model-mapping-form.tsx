"use client";

import { formatScale } from "@/lib/domain/scale-format";
import type { MappingDraft } from "@/lib/view-models/to-model-mappings";
import { useModelsQuery } from "@/lib/queries/models-query";
import type { ModelSummary } from "@/lib/schemas/models";

const EMPTY_SCALE: MappingDraft = { mode: "scale", family: "", parameters: "", tokens: "", flops: "" };

function optionLabel(m: ModelSummary): string {
  const facts = [m.family, m.parameters === null ? null : `${formatScale(m.parameters)} parameters`].filter(Boolean);
  return facts.length > 0 ? `${m.name} (${facts.join(", ")})` : m.name;
}

function RegistrySelect({ name, value, onChange }: { name: string; value: string; onChange: (model: string) => void }) {
  const models = useModelsQuery();
  if (models.isError) return <p role="alert" className="error">Could not load the registry: {models.error.message}</p>;
  return (
    <label>
      Registry model{" "}
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={`Registry model for ${name}`} disabled={models.isPending}>
        <option value="">{models.isPending ? "Loading the registry…" : "Choose a model…"}</option>
        {(models.data?.models ?? []).map((m) => <option key={m.name} value={m.name}>{optionLabel(m)}</option>)}
      </select>
    </label>
  );
}

function ScaleFields({ draft, onChange }: { draft: Extract<MappingDraft, { mode: "scale" }>; onChange: (d: MappingDraft) => void }) {
  const field = (key: "parameters" | "tokens" | "flops" | "family", label: string, placeholder: string) => (
    <label>
      {label}{" "}
      <input type="text" value={draft[key]} placeholder={placeholder} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="mapping-fields">
      {field("parameters", "Parameters", "1.4B")}
      {field("tokens", "Training tokens", "300B")}
      {field("flops", "Training FLOPs", "2.5e21")}
      {field("family", "Family", "My runs")}
    </div>
  );
}

/**
 * One fieldset per model of unknown scale: leave it unknown, say which
 * registry model it is, or enter its scale. Sent with the commit.
 */
export function ModelMappingForm({ names, drafts, errors, onChange, disabled }: {
  names: string[];
  drafts: Record<string, MappingDraft | undefined>;
  errors: Record<string, string>;
  onChange: (name: string, draft: MappingDraft) => void;
  disabled: boolean;
}) {
  if (names.length === 0) return null;
  return (
    <section aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Models of unknown scale</h2>
      <p className="muted">
        Without a scale these results are stored but not plotted. Place each model here; the mapping is saved to the model
        registry with the commit (entered facts are marked as user-supplied). Numbers: 1.4B, 300B, 2T or 3.6e23; FLOPs left
        empty are estimated as 6 × parameters × tokens.
      </p>
      {names.map((name) => {
        const draft = drafts[name] ?? { mode: "unknown" };
        const radio = (mode: MappingDraft["mode"], label: string) => (
          <label>
            <input
              type="radio"
              name={`mapping-${name}`}
              checked={draft.mode === mode}
              onChange={() => onChange(name, mode === "unknown" ? { mode } : mode === "alias" ? { mode, model: "" } : EMPTY_SCALE)}
            />{" "}
            {label}
          </label>
        );
        return (
          <fieldset key={name} className="mapping" disabled={disabled}>
            <legend>{name}</legend>
            <div className="mapping-modes">
              {radio("unknown", "Leave scale unknown")}
              {radio("alias", "Same model as a registry entry")}
              {radio("scale", "Enter its scale")}
            </div>
            {draft.mode === "alias" && <RegistrySelect name={name} value={draft.model} onChange={(model) => onChange(name, { mode: "alias", model })} />}
            {draft.mode === "scale" && <ScaleFields draft={draft} onChange={(d) => onChange(name, d)} />}
            {errors[name] && <p role="alert" className="error">{errors[name]}</p>}
          </fieldset>
        );
      })}
    </section>
  );
}
