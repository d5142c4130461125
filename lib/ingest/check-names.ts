import type { ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";
import { findHiddenCharacter } from "@/lib/schemas/safe-name";
import { IngestError } from "./ingest-error";

function check(fileName: string, field: string, value: string | null, source: { line?: number; key?: string }, clean: Set<string>) {
  if (value === null || clean.has(value)) return;
  const found = findHiddenCharacter(value);
  if (found === null) {
    clean.add(value);
    return;
  }
  throw new IngestError(fileName, `${field} ${JSON.stringify(value)} contains ${found}`, {
    line: source.line,
    key: source.key ?? field,
  });
}

/** The name rule for one result's names; `clean` holds names already found clean (shared across a file's chunks). */
export function checkResultNames(fileName: string, r: ParsedResult, clean: Set<string>): void {
  check(fileName, "model", r.model, r.source, clean);
  check(fileName, "revision", r.revision, r.source, clean);
  check(fileName, "task", r.task, r.source, clean);
  check(fileName, "metric", r.metric, r.source, clean);
  check(fileName, "filter", r.filter, r.source, clean);
}

/**
 * Names (models, tasks, metrics, filters, revisions, families, developers) follow the one
 * name rule of lib/schemas/safe-name.ts, as registry edits and the CLI's
 * --models file do: no control characters (NUL cannot be stored), no invisible
 * or bidirectional formatting characters, no lone surrogates. Length is bounded
 * by the parsed-file schema.
 */
export function checkNames(fileName: string, parsed: ParsedFile): void {
  // a file repeats its few names on every row: each distinct one is checked once
  const clean = new Set<string>();
  for (const r of parsed.results) checkResultNames(fileName, r, clean);
  for (const f of parsed.modelFacts) {
    check(fileName, "model", f.model, f.source, clean);
    check(fileName, "family", f.family, f.source, clean);
    check(fileName, "developer", f.developer, f.source, clean);
  }
  for (const f of parsed.metricFacts) check(fileName, "metric", f.metric, f.source, clean);
}
