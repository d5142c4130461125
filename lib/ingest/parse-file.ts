import { type ParsedFile } from "@/lib/schemas/parsed-file";
import { toCheckedFile } from "./check-parsed-file";
import { detectCsvFormat, detectJsonFormat, isJsonText } from "./detect-format";
import { parseCsvLong } from "./parse-csv-long";
import { parseCsvWide } from "./parse-csv-wide";
import { parseJsonLenient } from "./parse-json-lenient";
import { parseLmEvalV03Doc } from "./parse-lm-eval-v03";
import { parseLmEvalV04Doc } from "./parse-lm-eval-v04";
import type { ParseOptions } from "./parse-options";

function parseOnce(fileName: string, text: string, opts: ParseOptions): ParsedFile {
  if (isJsonText(fileName, text)) {
    const doc = parseJsonLenient(fileName, text, { prototypeKeys: opts.prototypeKeys });
    const format = detectJsonFormat(fileName, doc);
    return format === "lm-eval-v0.4" ? parseLmEvalV04Doc(fileName, doc, opts) : parseLmEvalV03Doc(fileName, doc, opts);
  }
  return detectCsvFormat(fileName, text) === "csv-long" ? parseCsvLong(fileName, text, opts) : parseCsvWide(fileName, text, opts);
}

/**
 * Detects the format, parses (a JSON body once, a CSV's rows once), validates
 * against parsedFileSchema and the name rule. Throws IngestError on bad input,
 * including a file that yields no results at all (an upload of nothing is a
 * mistake, not an empty success); RowLimitError past opts.maxRows.
 */
export function parseFile(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  return toCheckedFile(fileName, parseOnce(fileName, text, opts));
}
