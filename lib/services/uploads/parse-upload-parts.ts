import { AppError } from "@/lib/errors/app-error";
import { IngestError, MalformedJsonError, RowLimitError } from "@/lib/ingest/ingest-error";
import type { ItemSource } from "@/lib/ingest/item-context";
import { parseInput, parseTextInput } from "@/lib/ingest/parse-input";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import { checkUploadText } from "./check-upload-text";
import type { UploadPart } from "./to-upload-parts";

/** A file of an upload, parsed (with its items, if any), or refused for its content (a 422 problem naming its row or key). */
export type ReadPart = { part: UploadPart; parsed: ParsedFile; items: ItemSource | null } | { part: UploadPart; error: string };

function tooManyRows(fileName: string, limit: number): AppError {
  return new AppError(
    413,
    "too_many_rows",
    `${fileName}: this upload holds more than ${limit} rows, the limit for uploads over HTTP (ATLAS_UPLOAD_LIMIT_ROWS); ` +
      "load large files from the command line with `npm run ingest -- PATH`, which has no row limit",
  );
}

function toProblem(part: UploadPart, err: unknown, maxRows: number): ReadPart {
  if (err instanceof RowLimitError) throw tooManyRows(part.fileName, maxRows);
  if (err instanceof MalformedJsonError) throw new AppError(400, "invalid_json", err.message);
  if (err instanceof IngestError) return { part, error: err.message };
  throw err;
}

/**
 * Decodes and parses every text file (JSON, CSV) of an upload once, before any
 * database work: transport problems and JSON that cannot be read answer 400,
 * more than `maxRows` rows across the upload 413 (parsing stops at the row past
 * the limit), and a file whose content is wrong becomes that file's problem.
 */
export function parseUploadParts(parts: UploadPart[], maxRows: number): ReadPart[] {
  let left = maxRows;
  return parts.map((part) => {
    const text = checkUploadText(part);
    try {
      const { file, items } = parseTextInput(part.fileName, text, { maxRows: left, prototypeKeys: "refuse" });
      left -= file.results.length + file.missingValues;
      return { part, parsed: file, items };
    } catch (err) {
      return toProblem(part, err, maxRows);
    }
  });
}

/**
 * Every file of an upload: JSON and CSV as parseUploadParts reads them, then
 * the files read from bytes (Inspect `.eval` archives, JSON Lines). An lm-eval
 * samples file is placed by its `results_<date>.json`, which must be a file of
 * the same upload. The answer keeps the upload's order.
 */
export async function readUploadParts(parts: UploadPart[], maxRows: number): Promise<ReadPart[]> {
  const isText = (part: UploadPart) => part.kind === "json" || part.kind === "csv";
  const text = parseUploadParts(parts.filter(isText), maxRows);
  const byName = new Map(text.flatMap((read) => ("parsed" in read ? [[read.part.fileName, read.parsed] as const] : [])));
  const read = new Map<UploadPart, ReadPart>(text.map((r) => [r.part, r]));
  for (const part of parts.filter((p) => !isText(p))) {
    if (part.kind === "jsonl") checkUploadText(part);
    try {
      const { file, items } = await parseInput(part.fileName, part.bytes, { prototypeKeys: "refuse", samplesResults: (name) => byName.get(name) ?? null });
      read.set(part, { part, parsed: file, items });
    } catch (err) {
      read.set(part, toProblem(part, err, maxRows));
    }
  }
  return parts.map((part) => read.get(part)!);
}
