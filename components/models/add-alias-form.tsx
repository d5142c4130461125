"use client";

import { useState, type FormEvent } from "react";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse, RegistryModelView } from "@/lib/schemas/model-registry";
import { DraftField } from "./draft-field";
import styles from "./models.module.css";
import { useEditForm } from "./use-edit-form";

/** Adds a spelling (hub id, local path) under which later uploads find this model. */
export function AddAliasForm({ model, send, onDone }: {
  model: RegistryModelView;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const [alias, setAlias] = useState("");
  const [reason, setReason] = useState("");
  const { busy, errors, refuse, run } = useEditForm(onDone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (alias.trim() === "") return refuse({ alias: "give the other name" });
    void run(async () => {
      await send({ kind: "alias", id: model.id, body: { alias: alias.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) } });
      return `Added the alias ${alias.trim()}.`;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.form} disabled={busy} aria-label={`Add an alias of ${model.name}`}>
        <legend>Add an alias of {model.name}</legend>
        <div className={styles.fields}>
          <DraftField id={`alias-${model.id}`} label="Alias" wide value={alias} placeholder="org/model-name or /path/to/checkpoint" error={errors.fields.alias} onChange={setAlias} />
          <DraftField id={`alias-${model.id}-reason`} label="Note (optional)" wide value={reason} error={errors.fields.reason} onChange={setReason} />
        </div>
        {errors.general && <p role="alert" className="error">{errors.general}</p>}
        <button type="submit">Add alias</button>
      </fieldset>
    </form>
  );
}
