import { formatEditTime } from "@/lib/view-models/prepare-model-registry";
import type { ModelEdit } from "@/lib/schemas/model-registry";
import styles from "./models.module.css";

const FIELD_LABEL = { parameters: "parameters", trainingTokens: "training tokens", trainingFlops: "training FLOPs" } as const;

function change(edit: ModelEdit): string {
  if (edit.field === "created") return "added the model";
  if (edit.field === "alias") return `added the alias ${edit.detail ?? ""}`;
  if (edit.field === "family") return edit.detail === null ? "put it in no family" : `put it in the family ${edit.detail}`;
  const show = (v: number | null) => (v === null ? "unknown" : v.toPrecision(4));
  return `${FIELD_LABEL[edit.field]} ${show(edit.oldValue)} → ${show(edit.newValue)}`;
}

/** Who changed what on this model, and why, newest first. */
export function EditHistory({ edits, modelName }: { edits: ModelEdit[]; modelName: string }) {
  if (edits.length === 0) return null;
  return (
    <details className={styles.history}>
      <summary>{edits.length} edit{edits.length === 1 ? "" : "s"}</summary>
      <ul aria-label={`Edits of ${modelName}`}>
        {edits.map((e, i) => (
          <li key={i}>
            {formatEditTime(e.at)} · {e.tokenName}: {change(e)} — {e.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
