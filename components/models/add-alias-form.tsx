"use client";

import { useState, type FormEvent } from "react";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse, RegistryModelView } from "@/lib/schemas/model-registry";
import { DraftField } from "./draft-field";
import styles from "./models.module.css";
import { useEditErrors } from "./use-edit-errors";

/** Adds a spelling (hub id, local path) under which later uploads find this model. */
export function AddAliasForm({ model, send, onDone }: {
  model: RegistryModelView;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const [alias, setAlias] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useEditErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (alias.trim() === "") return errors.fromDraft({ alias: "give the other name" });
    errors.clear();
    setBusy(true);
    try {
      await send({ kind: "alias", id: model.id, body: { alias: alias.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) } });
      onDone(`Added the alias ${alias.trim()}.`);
    } catch (err) {
      errors.fromApi(err as Error);
    } finally {
      setBusy(false);
    }
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
