import { type ParsedFile } from "@/lib/schemas/parsed-file";
import type { ParsedFileWithItems } from "@/lib/schemas/parsed-items";
import {
  detectCsvFormat, detectJsonFormat, detectJsonLinesFormat, isJsonLinesText, isJsonText, refuseZipText, type CsvFormat, type JsonFormat,
} from "./detect-format";
import { parseCsvLong } from "./parse-csv-long";
import { parseCsvWide } from "./parse-csv-wide";
import { parseEveryEvalEverDoc, parseEveryEvalEverLines } from "./parse-every-eval-ever";
import { parseInspectLogDoc, parseInspectLogWithItems } from "./parse-inspect-log";
import { parseJsonLenient, type JsonValue } from "./parse-json-lenient";
import { parseLmEvalV03Doc } from "./parse-lm-eval-v03";
import { parseLmEvalV04Doc } from "./parse-lm-eval-v04";
import { parseOpenCompassCsv } from "./parse-opencompass-csv";
import type { ParseOptions } from "./parse-options";

const JSON_PARSERS: Record<JsonFormat, (fileName: string, doc: JsonValue, opts: ParseOptions) => ParsedFile> = {
  "lm-eval-v0.3": parseLmEvalV03Doc,
  "lm-eval-v0.4": parseLmEvalV04Doc,
  "every-eval-ever": parseEveryEvalEverDoc,
  "inspect-log": parseInspectLogDoc,
};

const CSV_PARSERS: Record<CsvFormat, (fileName: string, text: string, opts: ParseOptions) => ParsedFile> = {
  "csv-long": parseCsvLong,
  "csv-wide": parseCsvWide,
  "opencompass-csv": parseOpenCompassCsv,
};

/**
 * Whether the text is a long CSV (as parseFileWithItems would detect it): the one
 * format the ingest reads in chunks while it writes. Throws what detection throws.
 */
export function isLongCsvText(fileName: string, text: string): boolean {
  refuseZipText(fileName, text);
  if (isJsonLinesText(fileName, text) || isJsonText(fileName, text)) return false;
  return detectCsvFormat(fileName, text) === "csv-long";
}

/**
 * parseFile with the items a text file carries (an Inspect JSON log's samples;
 * no other text format has items), read in the same single pass.
 */
export function parseFileWithItems(fileName: string, text: string, opts: ParseOptions = {}): ParsedFileWithItems {
  refuseZipText(fileName, text);
  if (isJsonLinesText(fileName, text)) {
    detectJsonLinesFormat(fileName, text);
    return { file: parseEveryEvalEverLines(fileName, text, opts), items: [] };
  }
  if (isJsonText(fileName, text)) {
    const doc = parseJsonLenient(fileName, text, { prototypeKeys: opts.prototypeKeys });
    const format = detectJsonFormat(fileName, doc);
    if (format === "inspect-log") return parseInspectLogWithItems(fileName, doc, opts);
    return { file: JSON_PARSERS[format](fileName, doc, opts), items: [] };
  }
  return { file: CSV_PARSERS[detectCsvFormat(fileName, text)](fileName, text, opts), items: [] };
}

/**
 * Detects the format and parses (a JSON body once, a CSV's rows once); each
 * format's parser validates its output once (toCheckedFile: parsedFileSchema,
 * the name rule, at least one result). Throws IngestError on bad input,
 * including a file that yields no results at all (an upload of nothing is a
 * mistake, not an empty success) and a file that is not read as one text (an
 * Inspect .eval, an lm-eval samples file: see detectInputKind); RowLimitError
 * past opts.maxRows. Inspect logs' samples are items, read by parseInspectLog.
 */
export function parseFile(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  return parseFileWithItems(fileName, text, opts).file;
}
