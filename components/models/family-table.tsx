import type { FamilyView } from "@/lib/view-models/prepare-model-registry";
import type { ModelEditRequest } from "@/lib/queries/model-edit-mutations";
import type { ModelEditResponse } from "@/lib/schemas/model-registry";
import { ModelRow } from "./model-row";
import styles from "./models.module.css";

/** One family's models, smallest first. */
export function FamilyTable({ family, canEdit, send, onDone }: {
  family: FamilyView;
  canEdit: boolean;
  send: (edit: ModelEditRequest) => Promise<ModelEditResponse>;
  onDone: (message: string) => void;
}) {
  const id = `family-${family.family.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <section className={styles.family} aria-labelledby={id}>
      <h2 id={id}>{family.family} <span className="muted">({family.models.length})</span></h2>
      <table className={styles.models} aria-labelledby={id}>
        <thead>
          <tr><th>Model</th><th>Parameters</th><th>Training tokens</th><th>Training FLOPs</th><th>Results</th><th>Checkpoints and edits</th></tr>
        </thead>
        <tbody>
          {family.models.map((row) => <ModelRow key={row.model.id} row={row} canEdit={canEdit} send={send} onDone={onDone} />)}
        </tbody>
      </table>
    </section>
  );
}
