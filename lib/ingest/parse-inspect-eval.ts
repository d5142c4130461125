import type { ParsedFileWithItems, ParsedItem } from "@/lib/schemas/parsed-items";
import { toInspectItemContext, toInspectItems } from "./inspect-items";
import { IngestError } from "./ingest-error";
import { openZip, ZIP_LIMITS, type ZipLimits } from "./open-zip";
import { isJsonObject, parseJsonLenient } from "./parse-json-lenient";
import { parseInspectLogDoc, readInspectEval } from "./parse-inspect-log";
import type { ParseOptions } from "./parse-options";

const SAMPLE_ENTRY = /^samples\/[^/]+\.json$/;

/**
 * An Inspect `.eval` log: a zip archive (checked whole first, see openZip)
 * whose `header.json` holds what `inspect log dump` prints without samples
 * (eval, results, status: read as parseInspectLogDoc reads a JSON log) and whose
 * `samples/<id>_epoch_<n>.json` entries hold one sample each, read one at a time
 * into items. An archive with only `_journal/` entries is a run still being
 * written and is refused. Errors name `<file>/<entry>`.
 */
export async function parseInspectEval(
  fileName: string,
  bytes: Uint8Array,
  opts: ParseOptions & { zipLimits?: ZipLimits } = {},
): Promise<ParsedFileWithItems> {
  const zip = await openZip(fileName, bytes, opts.zipLimits ?? ZIP_LIMITS);
  if (!zip.names.includes("header.json")) {
    const started = zip.names.some((name) => name.startsWith("_journal/"));
    throw new IngestError(fileName, started ? "the log is still being written: no header.json yet, only its _journal" : "not an Inspect .eval log: no header.json");
  }
  const headerName = `${fileName}/header.json`;
  const header = parseJsonLenient(headerName, await zip.read("header.json"), { prototypeKeys: opts.prototypeKeys });
  const file = parseInspectLogDoc(headerName, header, opts);
  const { task } = readInspectEval(headerName, header);
  const context = toInspectItemContext(task, isJsonObject(header) ? header.results : undefined);
  const items: ParsedItem[] = [];
  for (const name of zip.names.filter((n) => SAMPLE_ENTRY.test(n)).sort()) {
    const entryName = `${fileName}/${name}`;
    const sample = parseJsonLenient(entryName, await zip.read(name), { prototypeKeys: opts.prototypeKeys });
    items.push(...toInspectItems(entryName, context, sample, "sample"));
  }
  return { file, items };
}
