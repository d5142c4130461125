"use client";

import { useState, type FormEvent } from "react";
import { toCorrectModelBody, type CorrectModelDraft, type FactDrafts } from "@/lib/view-models/to-model-edit-body";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse, RegistryModelView } from "@/lib/schemas/model-registry";
import { DraftField } from "./draft-field";
import styles from "./models.module.css";
import { useEditForm } from "./use-edit-form";

const asText = (v: number | null) => (v === null ? "" : String(v));

/** Corrects a model's numbers; the source or reason is required, and only changed numbers are sent. */
export function CorrectModelForm({ model, send, onDone }: {
  model: RegistryModelView;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const initial: FactDrafts = {
    parameters: asText(model.parameters),
    trainingTokens: asText(model.trainingTokens),
    trainingFlops: asText(model.trainingFlops),
  };
  const [draft, setDraft] = useState<CorrectModelDraft>({ ...initial, reason: "" });
  const { busy, errors, refuse, run } = useEditForm(onDone);
  const set = (key: keyof CorrectModelDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (key: string) => `correct-${model.id}-${key}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = toCorrectModelBody(draft, initial);
    if (!checked.ok) return refuse(checked.errors);
    void run(async () => {
      const { analysisQueued } = await send({ kind: "correct", id: model.id, body: checked.body });
      return analysisQueued === 0
        ? "Saved. No stored curve uses this model's numbers."
        : `Saved. The curves of ${analysisQueued} task view${analysisQueued === 1 ? "" : "s"} moved; their analyses are being recomputed in the background.`;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.form} disabled={busy} aria-label={`Correct ${model.name}`}>
        <legend>Correct {model.name}</legend>
        <p className="muted">
          Numbers as 1.4B, 300B, 2T or 3.6e23. Clearing a number makes it unknown; FLOPs cleared, or estimated before, are
          re-estimated as 6 × parameters × tokens.
        </p>
        <div className={styles.fields}>
          <DraftField id={id("parameters")} label="Parameters" value={draft.parameters} error={errors.fields.parameters} onChange={set("parameters")} />
          <DraftField id={id("tokens")} label="Training tokens" value={draft.trainingTokens} error={errors.fields.trainingTokens} onChange={set("trainingTokens")} />
          <DraftField id={id("flops")} label="Training FLOPs" value={draft.trainingFlops} error={errors.fields.trainingFlops} onChange={set("trainingFlops")} />
          <DraftField id={id("reason")} label="Source or reason" wide value={draft.reason} placeholder="paper, table, URL or why" error={errors.fields.reason} onChange={set("reason")} />
        </div>
        {errors.general && <p role="alert" className="error">{errors.general}</p>}
        <button type="submit">Save correction</button>
        {busy && <span className="muted"> Saving…</span>}
      </fieldset>
    </form>
  );
}
