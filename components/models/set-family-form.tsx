"use client";

import { useState, type FormEvent } from "react";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse, RegistryModelView } from "@/lib/schemas/model-registry";
import { DraftField } from "./draft-field";
import styles from "./models.module.css";
import { useEditForm } from "./use-edit-form";

/** Puts a model in a family (an empty name: none), over an inferred one; the curves it moves are re-analysed. */
export function SetFamilyForm({ model, send, onDone }: {
  model: RegistryModelView;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const [family, setFamily] = useState(model.family ?? "");
  const [reason, setReason] = useState("");
  const { busy, errors, refuse, run } = useEditForm(onDone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === "") return refuse({ reason: "say why (a model card, a paper)" });
    const name = family.trim() === "" ? null : family.trim();
    void run(async () => {
      const answer = await send({ kind: "family", id: model.id, body: { family: name, reason: reason.trim() } });
      const where = name === null ? "in no family" : `in the family ${name}`;
      return `Put ${model.name} ${where}; ${answer.analysisQueued} curve view(s) queued for re-analysis.`;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.form} disabled={busy} aria-label={`Set the family of ${model.name}`}>
        <legend>Family of {model.name}</legend>
        <div className={styles.fields}>
          <DraftField id={`family-${model.id}`} label="Family (empty: none)" wide value={family} error={errors.fields.family} onChange={setFamily} />
          <DraftField id={`family-${model.id}-reason`} label="Source or reason" wide value={reason} error={errors.fields.reason} onChange={setReason} />
        </div>
        {errors.general && <p role="alert" className="error">{errors.general}</p>}
        <button type="submit">Set family</button>
      </fieldset>
    </form>
  );
}
