import { parsedFileSchema, type ParsedFile, type ParsedFileDraft } from "@/lib/schemas/parsed-file";
import type { z } from "zod";
import { toParsedResult } from "./check-parsed-result";
import { IngestError } from "./ingest-error";

function issueError(fileName: string, draft: ParsedFileDraft, issue: z.core.$ZodIssue): IngestError {
  const [section, index] = issue.path;
  const record =
    (section === "results" || section === "modelFacts" || section === "metricFacts") && typeof index === "number"
      ? draft[section]?.[index]
      : undefined;
  return new IngestError(fileName, `invalid ${issue.path.join(".")}: ${issue.message}`, {
    line: record?.source.line,
    key: record?.source.key ?? issue.path.join("."),
  });
}

/**
 * Validates a parser's output (filling the schema's defaults); a schema violation (e.g. a model name over 200
 * characters) becomes an IngestError naming the record's line or key. The results, a
 * file's many rows, are checked by toParsedResult (the schema's rules by hand, the
 * schema's own message on a problem); the rest by parsedFileSchema. The first
 * problem in the schema's order is reported: format, then results, then the others.
 */
export function toParsedFile(fileName: string, draft: ParsedFileDraft): ParsedFile {
  const head = parsedFileSchema.safeParse({ ...draft, results: [] });
  if (!head.success && head.error.issues[0].path[0] === "format") throw issueError(fileName, draft, head.error.issues[0]);
  if (!Array.isArray(draft.results)) throw issueError(fileName, draft, parsedFileSchema.safeParse(draft).error!.issues[0]);
  const results = draft.results.map((r, i) => toParsedResult(fileName, r, i));
  if (!head.success) throw issueError(fileName, draft, head.error.issues[0]);
  return { ...head.data, results };
}
