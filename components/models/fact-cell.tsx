import type { FactView } from "@/lib/view-models/prepare-model-registry";
import styles from "./models.module.css";

const KIND_LABEL = { edit: "edited", upload: "upload", cited: "cited", file: "file", unknown: "" } as const;

/** A scale fact and, under it, where the number came from. */
export function FactCell({ fact }: { fact: FactView }) {
  return (
    <td>
      <span className={`${styles.value} ${fact.estimated ? styles.estimated : ""}`} title={fact.estimated ? "estimated as 6 × parameters × tokens" : undefined}>
        {fact.text}
      </span>
      {fact.text !== "unknown" && (
        <div className={styles.source}>
          {KIND_LABEL[fact.kind] && <span className={`${styles.kind} ${styles[`kind-${fact.kind}`] ?? ""}`}>{KIND_LABEL[fact.kind]}</span>}
          {fact.source}
        </div>
      )}
    </td>
  );
}
