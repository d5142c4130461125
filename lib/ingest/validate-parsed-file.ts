import { parsedFileSchema, type ParsedFile, type ParsedFileDraft } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";

/**
 * Validates a parser's output (filling the schema's defaults); a schema violation (e.g. a model name over 200
 * characters) becomes an IngestError naming the record's line or key.
 */
export function toParsedFile(fileName: string, draft: ParsedFileDraft): ParsedFile {
  const checked = parsedFileSchema.safeParse(draft);
  if (checked.success) {
    return checked.data;
  }
  const issue = checked.error.issues[0];
  const [section, index] = issue.path;
  const record =
    (section === "results" || section === "modelFacts" || section === "metricFacts") && typeof index === "number"
      ? draft[section]?.[index]
      : undefined;
  throw new IngestError(fileName, `invalid ${issue.path.join(".")}: ${issue.message}`, {
    line: record?.source.line,
    key: record?.source.key ?? issue.path.join("."),
  });
}
