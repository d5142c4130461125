import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { detectInputKind } from "@/lib/ingest/detect-format";
import { parseFile } from "@/lib/ingest/parse-file";
import { parseHelmInput, parseInput, readInput, type ParsedInput } from "@/lib/ingest/parse-input";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import type { InputEntry } from "./list-input-files";
import { parsedSource, toResultSource, type ResultSource } from "./result-source";

/** One input read for ingestFile: its name, sha256 and content (a long CSV's rows, or its items, possibly still to read). */
export type ReadEntry = { fileName: string; bytes: Uint8Array; sha256: string; source: ResultSource };

const toEntry = (fileName: string, bytes: Uint8Array, sha256: string, parsed: ParsedInput): ReadEntry =>
  ({ fileName, bytes, sha256, source: parsedSource(parsed.file, parsed.items) });

const HELM_FILES = ["run_spec.json", "stats.json", "per_instance_stats.json"];

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function hashStream(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** A HELM run folder: its files' names and bytes hashed together, so the same run again is recognised. */
async function readHelmRun(folder: string): Promise<ReadEntry> {
  const hash = createHash("sha256");
  const files: Record<string, string> = {};
  for (const name of HELM_FILES) {
    const file = path.join(folder, name);
    if (name === "per_instance_stats.json" && !existsSync(file)) continue;
    const bytes = await readFile(file);
    hash.update(`${name}\u0000${bytes.length}\u0000`).update(bytes);
    files[name] = bytes.toString("utf8");
  }
  return toEntry(folder, new Uint8Array(), hash.digest("hex"), parseHelmInput(folder, files));
}

/**
 * Reads one input of a CLI run. An lm-eval samples file is never held whole:
 * it is hashed as a stream, then its items are streamed into the database; the
 * results file beside it (`results_<date>.json`, parsed once per run through
 * `resultsCache`) names its model. Throws IngestError for bad content and
 * Node's errors for a file that cannot be read.
 */
export async function readInputEntry(entry: InputEntry, resultsCache: Map<string, ParsedFile | null>): Promise<ReadEntry> {
  if (entry.kind === "helm-run") return readHelmRun(entry.path);
  const file = entry.path;
  const head = await readHead(file);
  if (detectInputKind(file, head) === "lm-eval-samples") {
    const samplesResults = async (name: string) => {
      const beside = path.join(path.dirname(file), name);
      if (!resultsCache.has(beside)) resultsCache.set(beside, existsSync(beside) ? parseFile(beside, await readFile(beside, "utf8")) : null);
      return resultsCache.get(beside) ?? null;
    };
    const parsed = await parseInput(file, head, { samplesResults }, () => createReadStream(file));
    return toEntry(file, head, await hashStream(file), parsed);
  }
  const bytes = await readFile(file);
  return { fileName: file, bytes, sha256: createHash("sha256").update(bytes).digest("hex"), source: toResultSource(file, await readInput(file, bytes)) };
}
