"use client";

import { formatScale } from "@/lib/domain/scale-format";
import { useModelCheckpointsQuery } from "@/lib/queries/model-registry-query";
import { toLoadState } from "@/lib/queries/load-state";
import { QueryFrame } from "../query-frame";
import styles from "./models.module.css";

/** A model's checkpoints by training step; loaded when the list is first opened. */
export function CheckpointList({ modelId, modelName }: { modelId: number; modelName: string }) {
  const query = useModelCheckpointsQuery(modelId, true);
  const state = toLoadState(query, (d) => (d.checkpoints.length === 0 ? "No checkpoints stored yet: they come with uploaded results." : null));
  return (
    <QueryFrame state={state}>
      {(data) => (
        <div className={styles.checkpoints}>
          <table aria-label={`Checkpoints of ${modelName}`}>
            <thead>
              <tr><th>Revision</th><th>Step</th><th>Tokens seen</th><th>Results</th></tr>
            </thead>
            <tbody>
              {data.checkpoints.map((c) => (
                <tr key={c.revision}>
                  <td>{c.revision}{c.isFinal ? " (final)" : ""}</td>
                  <td>{c.step ?? "unknown"}</td>
                  <td>{c.tokensSeen === null ? "unknown" : formatScale(c.tokensSeen)}</td>
                  <td>{c.results}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryFrame>
  );
}
