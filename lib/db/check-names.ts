import "server-only";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { ParsedFile } from "@/lib/schemas/parsed-file";

/** C0 and C1 control characters, DEL, and a UTF-16 surrogate without its partner. */
const BAD = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function check(fileName: string, field: string, value: string | null, source: { line?: number; key?: string }) {
  if (value === null) return;
  const bad = BAD.exec(value);
  if (!bad) return;
  const what = /[\uD800-\uDFFF]/.test(bad[0]) ? "a lone surrogate" : "a control character";
  throw new IngestError(fileName, `${field} ${JSON.stringify(value)} contains ${what} (${describe(bad[0])})`, {
    line: source.line,
    key: source.key ?? field,
  });
}

/**
 * Names (models, tasks, metrics, filters, revisions, families) are shown in pages,
 * CSV exports and logs: no NUL (Postgres text refuses it), no control characters,
 * no lone surrogates (they cannot be stored as UTF-8 and would be silently replaced).
 * Length is bounded by the parsed-file schema.
 */
export function checkNames(fileName: string, parsed: ParsedFile): void {
  for (const r of parsed.results) {
    check(fileName, "model", r.model, r.source);
    check(fileName, "revision", r.revision, r.source);
    check(fileName, "task", r.task, r.source);
    check(fileName, "metric", r.metric, r.source);
    check(fileName, "filter", r.filter, r.source);
  }
  for (const f of parsed.modelFacts) {
    check(fileName, "model", f.model, f.source);
    check(fileName, "family", f.family, f.source);
  }
}
