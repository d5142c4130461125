import { fromBufferPromise, getFileNameLowLevel, validateFileName, type Entry } from "yauzl";
import { IngestError } from "./ingest-error";

/**
 * What an archive may hold before any of it is decompressed. An Inspect `.eval`
 * holds header.json, summaries and one JSON file per sample and epoch (a
 * 10,000-sample run over 5 epochs is 50,000 entries); a sample's JSON with a
 * long agent transcript runs to tens of MB; JSON deflates about 5–20:1, highly
 * repetitive logs up to ~100:1, while a zip bomb reaches ~1000:1. Entries
 * smaller than ratioFloorBytes may have any ratio (they cannot blow up).
 */
export const ZIP_LIMITS = {
  maxEntries: 100_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** A checked archive: the names of its files, and a reader for one file at a time. */
export type ZipArchive = { names: string[]; read(name: string): Promise<string> };

const shortName = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name);

/** Whether an entry name would land outside the folder it is extracted to (absolute, a drive, `..`, NUL). */
function escapes(name: string): boolean {
  if (name === "" || name.includes("\0") || name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).includes("..") || validateFileName(name) !== null;
}

function checkEntry(fileName: string, name: string, entry: Entry, limits: ZipLimits): void {
  const refuse = (detail: string) => new IngestError(fileName, `entry ${shortName(name)} ${detail}`, { key: name });
  if (escapes(name)) throw refuse("escapes the archive (an absolute path or ..): the archive is refused");
  if (entry.isEncrypted()) throw refuse("is encrypted");
  if (!entry.canDecodeFileData()) throw refuse(`uses compression method ${entry.compressionMethod}, which is not supported (stored or deflate only)`);
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) throw refuse(`declares ${size} bytes uncompressed; the limit is ${limits.maxEntryBytes}`);
  const ratio = size / Math.max(entry.compressedSize, 1);
  if (size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw refuse(`expands ${Math.round(ratio)}:1, past the ${limits.maxRatio}:1 a log reaches: refused as a zip bomb`);
  }
}

/**
 * Opens a zip held in memory (yauzl: sizes checked against what each entry
 * really inflates to, zip64, no CRC check) and checks every entry before any is
 * read: at most maxEntries, each name relative and inside the archive, no name
 * twice, no encryption, declared sizes and compression ratios within ZIP_LIMITS.
 * A failed check refuses the whole archive. `read` then inflates one entry,
 * stopping at its declared size, and decodes it as strict UTF-8.
 */
export async function openZip(fileName: string, bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await fromBufferPromise(buffer, { decodeStrings: false, validateEntrySizes: true, autoClose: false }).catch((err: unknown) => {
    throw new IngestError(fileName, `not a readable zip archive (${err instanceof Error ? err.message : String(err)})`);
  });
  if (zip.entryCount > limits.maxEntries) throw new IngestError(fileName, `the archive has ${zip.entryCount} entries; the limit is ${limits.maxEntries}`);
  const entries = new Map<string, Entry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      checkEntry(fileName, name, entry, limits);
      if (entries.has(name)) throw new IngestError(fileName, `entry ${shortName(name)} appears twice: the archive is ambiguous`, { key: name });
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw new IngestError(fileName, `the archive's entries declare more than ${limits.maxTotalBytes} bytes uncompressed`);
      if (!name.endsWith("/")) entries.set(name, entry);
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(fileName, `not a readable zip archive (${err instanceof Error ? err.message : String(err)})`);
  }
  return { names: [...entries.keys()], read: (name) => readEntry(fileName, name, entries, zip.openReadStreamPromise.bind(zip)) };
}

async function readEntry(
  fileName: string,
  name: string,
  entries: Map<string, Entry>,
  open: (entry: Entry) => Promise<NodeJS.ReadableStream>,
): Promise<string> {
  const entry = entries.get(name);
  if (entry === undefined) throw new IngestError(fileName, `no entry ${shortName(name)} in the archive`);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of await open(entry)) {
      const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      length += piece.length;
      if (length > entry.uncompressedSize) throw new Error("more bytes than the entry declares");
      chunks.push(piece);
    }
  } catch (err) {
    throw new IngestError(fileName, `entry ${shortName(name)} is corrupt (${err instanceof Error ? err.message : String(err)})`, { key: name });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, length));
  } catch {
    throw new IngestError(fileName, `entry ${shortName(name)} is not valid UTF-8`, { key: name });
  }
}
