import { INT4_MAX, magnitudeProblem } from "@/lib/schemas/number-limits";
import { parsedResultSchema, type ParsedResult, type ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";

const isName = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 200;
const isBounded = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && magnitudeProblem(v) === null;
const isStoredInt = (v: unknown, min: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= INT4_MAX;

function isSource(s: unknown): boolean {
  if (typeof s !== "object" || s === null) return false;
  const { line, key } = s as { line?: unknown; key?: unknown };
  return (line === undefined || (typeof line === "number" && Number.isSafeInteger(line) && line > 0)) &&
    (key === undefined || typeof key === "string");
}

/**
 * True exactly when parsedResultSchema accepts the record (the same rules written
 * out by hand: zod costs seconds per million rows, this a few tens of milliseconds).
 * The schema stays the definition; check-parsed-result.test.ts holds the two to
 * agreement on valid and invalid records.
 */
export function isParsedResult(r: ParsedResultDraft): boolean {
  return (
    typeof r === "object" && r !== null &&
    isName(r.model) && (r.revision === null || isName(r.revision)) && isName(r.task) && isName(r.metric) && isName(r.filter) &&
    (r.shots === null || isStoredInt(r.shots, 0)) &&
    isBounded(r.value) &&
    (r.stderr === null || (isBounded(r.stderr) && r.stderr >= 0)) &&
    (r.n === null || isStoredInt(r.n, 1)) &&
    (r.isGroup === undefined || typeof r.isGroup === "boolean") &&
    isSource(r.source)
  );
}

/**
 * The record as parsedResultSchema would return it (isGroup defaulted), or the
 * IngestError toParsedFile raises for it: the schema's own first issue, placed at
 * `results.<index>` and the record's line or key, so the message is the same
 * whichever check found the problem.
 */
export function toParsedResult(fileName: string, r: ParsedResultDraft, index: number): ParsedResult {
  if (isParsedResult(r)) {
    if (r.isGroup === undefined) r.isGroup = false;
    return r as ParsedResult;
  }
  const checked = parsedResultSchema.safeParse(r);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const path = ["results", index, ...issue.path].join(".");
  throw new IngestError(fileName, `invalid ${path}: ${issue.message}`, { line: r?.source?.line, key: r?.source?.key ?? path });
}
