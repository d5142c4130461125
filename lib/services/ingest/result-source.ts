import { setImmediate as nextTurn } from "node:timers/promises";
import type { ItemSource } from "@/lib/ingest/item-context";
import { csvLongChunks } from "@/lib/ingest/parse-csv-long";
import type { ParsedInput } from "@/lib/ingest/parse-input";
import type { FileFacts } from "@/lib/ingest/plan-ingest";
import type { ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";

/** Rows read between two turns of the event loop: the COPY data of the chunk being written keeps flowing meanwhile. */
const SLICE_ROWS = 500;
/**
 * Rows per written chunk (one COPY statement, its names stored first). Large: each
 * COPY statement into `result` costs seconds beyond its rows under load (measured:
 * 200k rows in 4 statements took 1.8x as long as in one), so a 1M-row file is
 * written in 4 statements, the first while the rest is still read.
 */
export const WRITE_CHUNK_ROWS = 250_000;

/** A file's results as the ingest reads them: chunk by chunk, once. */
export type ResultSource = {
  file: FileFacts;
  items: ItemSource | null;
  chunks(): AsyncIterable<ParsedResult[]>;
  /** missing values skipped; complete once every chunk was read */
  missingValues(): number;
};

/** A file parsed already (an upload parses its files up front): its results are the one chunk. */
export function parsedSource(parsed: ParsedFile, items: ItemSource | null): ResultSource {
  return {
    file: parsed,
    items,
    async *chunks() {
      yield parsed.results;
    },
    missingValues: () => parsed.missingValues,
  };
}

/**
 * A long CSV read while it is written: rows are read in slices with a turn of
 * the event loop between them (so the socket carrying the previous chunk's
 * COPY keeps being fed), gathered into chunks of WRITE_CHUNK_ROWS. A bad row
 * throws from the iteration, after the chunks before it.
 */
export function longCsvSource(fileName: string, text: string, chunkRows = WRITE_CHUNK_ROWS): ResultSource {
  let missing = 0;
  return {
    file: { format: "csv-long", modelFacts: [], metricFacts: [], directions: [] },
    items: null,
    async *chunks() {
      const slices = csvLongChunks(fileName, text, { chunkRows: SLICE_ROWS });
      let chunk: ParsedResult[] = [];
      for (;;) {
        const next = slices.next();
        if (next.done) {
          missing = next.value.missingValues;
          break;
        }
        for (const r of next.value) chunk.push(r);
        if (chunk.length >= chunkRows) {
          yield chunk;
          chunk = [];
        }
        await nextTurn();
      }
      if (chunk.length > 0) yield chunk;
    },
    missingValues: () => missing,
  };
}

/** The source of an input read by readInput. */
export function toResultSource(fileName: string, read: { longCsv: string } | { parsed: ParsedInput }): ResultSource {
  return "longCsv" in read ? longCsvSource(fileName, read.longCsv) : parsedSource(read.parsed.file, read.parsed.items);
}
