"use client";

import { useState } from "react";
import type { ModelRowView } from "@/lib/view-models/prepare-model-registry";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse } from "@/lib/schemas/model-registry";
import { AddAliasForm } from "./add-alias-form";
import { CheckpointList } from "./checkpoint-list";
import { CorrectModelForm } from "./correct-model-form";
import { EditHistory } from "./edit-history";
import { FactCell } from "./fact-cell";
import { SetFamilyForm } from "./set-family-form";
import styles from "./models.module.css";

type Panel = "checkpoints" | "correct" | "alias" | "family" | null;
const COLUMNS = 6;

/** One model: its facts with their sources, and panels for its checkpoints and edits. */
export function ModelRow({ row, canEdit, send, onDone }: {
  row: ModelRowView;
  canEdit: boolean;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const { model, facts } = row;
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = (next: Panel) => setPanel((p) => (p === next ? null : next));
  const done = (message: string) => {
    setPanel(null);
    onDone(message);
  };
  const otherAliases = model.aliases.filter((a) => a !== model.name);
  return (
    <>
      <tr>
        <th scope="row" className={styles.name}>
          {model.name}
          {otherAliases.length > 0 && <div className={styles.aliases}>also: {otherAliases.join(", ")}</div>}
          {model.familyOrigin === "inferred" && (
            <div className={styles.aliases} title="inferred: the names of this family differ only in their size">family inferred from the names</div>
          )}
          <EditHistory edits={model.edits} modelName={model.name} />
        </th>
        <FactCell fact={facts.parameters} />
        <FactCell fact={facts.trainingTokens} />
        <FactCell fact={facts.trainingFlops} />
        <td>{model.results}</td>
        <td>
          <div className={styles.actions}>
            <button type="button" aria-expanded={panel === "checkpoints"} onClick={() => toggle("checkpoints")} disabled={model.checkpoints === 0}>
              {model.checkpoints} checkpoint{model.checkpoints === 1 ? "" : "s"}
            </button>
            {canEdit && (
              <>
                <button type="button" aria-expanded={panel === "correct"} onClick={() => toggle("correct")} aria-label={`Correct ${model.name}`}>Correct</button>
                <button type="button" aria-expanded={panel === "alias"} onClick={() => toggle("alias")} aria-label={`Add an alias of ${model.name}`}>Alias</button>
                <button type="button" aria-expanded={panel === "family"} onClick={() => toggle("family")} aria-label={`Set the family of ${model.name}`}>Family</button>
              </>
            )}
          </div>
        </td>
      </tr>
      {panel !== null && (
        <tr className={styles.panel}>
          <td colSpan={COLUMNS}>
            {panel === "checkpoints" && <CheckpointList modelId={model.id} modelName={model.name} />}
            {panel === "correct" && <CorrectModelForm model={model} send={send} onDone={done} />}
            {panel === "alias" && <AddAliasForm model={model} send={send} onDone={done} />}
            {panel === "family" && <SetFamilyForm model={model} send={send} onDone={done} />}
          </td>
        </tr>
      )}
    </>
  );
}
