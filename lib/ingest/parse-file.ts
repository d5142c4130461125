import { type FileFormat, type ParsedFile } from "@/lib/schemas/parsed-file";
import { detectFormat } from "./detect-format";
import { parseCsvLong } from "./parse-csv-long";
import { parseCsvWide } from "./parse-csv-wide";
import { parseLmEvalV03 } from "./parse-lm-eval-v03";
import { parseLmEvalV04 } from "./parse-lm-eval-v04";
import { toParsedFile } from "./validate-parsed-file";

const PARSERS: Record<FileFormat, (fileName: string, text: string) => ParsedFile> = {
  "lm-eval-v0.3": parseLmEvalV03,
  "lm-eval-v0.4": parseLmEvalV04,
  "csv-long": parseCsvLong,
  "csv-wide": parseCsvWide,
};

/** Detects the format, parses, and validates against parsedFileSchema. Throws IngestError on bad input. */
export function parseFile(fileName: string, text: string): ParsedFile {
  const format = detectFormat(fileName, text);
  return toParsedFile(fileName, PARSERS[format](fileName, text));
}
