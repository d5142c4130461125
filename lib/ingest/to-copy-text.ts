/** Result rows with ids already resolved, as parallel columns. */
export type CopyColumns = {
  checkpointId: readonly number[];
  taskId: readonly number[];
  metricId: readonly number[];
  shots: readonly (number | null)[];
  filter: readonly string[];
  value: readonly number[];
  stderr: readonly (number | null)[];
  n: readonly (number | null)[];
};

/** Column order of the COPY statement that reads toCopyText's output. */
export const COPY_COLUMNS = "checkpoint_id, task_id, metric_id, shots, filter, value, stderr, n, upload_id";

const num = (v: number | null) => (v === null ? "\\N" : String(v));
// COPY text format: backslash, tab, newline and carriage return must be escaped in text values.
const text = (v: string) => v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

/**
 * Rows [start, end) in Postgres COPY text format (tab-separated, \N for null),
 * every row tagged with `uploadId`. Numbers print as JavaScript's shortest
 * round-trip form, which float8 input reads back exactly.
 */
export function toCopyText(c: CopyColumns, uploadId: number, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    out += `${c.checkpointId[i]}\t${c.taskId[i]}\t${c.metricId[i]}\t${num(c.shots[i])}\t${text(c.filter[i])}\t${c.value[i]}\t${num(c.stderr[i])}\t${num(c.n[i])}\t${uploadId}\n`;
  }
  return out;
}
