import { randomUUID } from "node:crypto";

/** A name no other test uses, so tests never depend on each other's data or order. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().slice(0, 8)}`;
}

export type LongRow = {
  model: string;
  task: string;
  metric: string;
  value: number | string;
  stderr?: number | string;
  n?: number | string;
  shots?: number | string;
  revision?: string;
};

/** A long-format CSV file, as a notebook would write it. */
export function longCsv(rows: LongRow[]): Uint8Array {
  const cell = (v: number | string | undefined) => (v === undefined ? "" : String(v));
  const lines = ["model,task,metric,value,stderr,n,shots,revision"];
  for (const r of rows) {
    lines.push([r.model, r.task, r.metric, r.value, r.stderr, r.n, r.shots, r.revision].map(cell).join(","));
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}
