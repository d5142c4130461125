"use client";

import { useState, type FormEvent } from "react";
import { toCreateModelBody, type CreateModelDraft } from "@/lib/view-models/to-model-edit-body";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse } from "@/lib/schemas/model-registry";
import { DraftField } from "./draft-field";
import styles from "./models.module.css";
import { useEditForm } from "./use-edit-form";

const EMPTY: CreateModelDraft = { name: "", family: "", parameters: "", trainingTokens: "", trainingFlops: "", source: "" };

/** Adds a model the registry lacks; FLOPs left empty are estimated as 6·N·D and marked. */
export function AddModelForm({ send, onDone }: { send: (edit: ModelEditRequest) => Promise<ModelEditResponse>; onDone: (message: string) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const { busy, errors, refuse, run } = useEditForm(onDone);
  const set = (key: keyof CreateModelDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = toCreateModelBody(draft);
    if (!checked.ok) return refuse(checked.errors);
    void run(async () => {
      const { model } = await send({ kind: "create", body: checked.body });
      setDraft(EMPTY);
      return `Added ${model.name}.`;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.form} disabled={busy} aria-label="Add a model">
        <legend>Add a model</legend>
        <div className={styles.fields}>
          <DraftField id="add-name" label="Name" wide value={draft.name} placeholder="org/model-7b" error={errors.fields.name} onChange={set("name")} />
          <DraftField id="add-family" label="Family" value={draft.family} placeholder="optional" error={errors.fields.family} onChange={set("family")} />
          <DraftField id="add-parameters" label="Parameters" value={draft.parameters} placeholder="6.9B" error={errors.fields.parameters} onChange={set("parameters")} />
          <DraftField id="add-tokens" label="Training tokens" value={draft.trainingTokens} placeholder="300B" error={errors.fields.trainingTokens} onChange={set("trainingTokens")} />
          <DraftField id="add-flops" label="Training FLOPs" value={draft.trainingFlops} placeholder="empty: 6·N·D" error={errors.fields.trainingFlops} onChange={set("trainingFlops")} />
          <DraftField id="add-source" label="Source" wide value={draft.source} placeholder="paper, model card or URL" error={errors.fields.source} onChange={set("source")} />
        </div>
        {errors.general && <p role="alert" className="error">{errors.general}</p>}
        <button type="submit">Add model</button>
      </fieldset>
    </form>
  );
}
