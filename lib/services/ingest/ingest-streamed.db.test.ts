// A long CSV over several write chunks (smaller ones than WRITE_CHUNK_ROWS, same path): read, planned and written
// chunk by chunk, and still stored whole or not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { ingestFile } from "./ingest-file";
import { longCsvSource } from "./result-source";

const CHUNK_ROWS = 10_000;
const ROWS = 2 * CHUNK_ROWS + 700;
const TASKS = 50;

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

/** ingestFile on a long CSV's bytes, read in chunks of CHUNK_ROWS. */
function ingestLongCsv(fileName: string, file: Parameters<typeof longCsv>[0]) {
  const bytes = longCsv(file);
  return ingestFile({ fileName, bytes, source: longCsvSource(fileName, new TextDecoder().decode(bytes), CHUNK_ROWS), registry });
}

/** ROWS distinct results over TASKS tasks of the prefix and ROWS / TASKS checkpoints of pythia-70m. */
function rows(prefix: string) {
  return Array.from({ length: ROWS }, (_, i) => ({
    model: "pythia-70m", revision: `step${Math.floor(i / TASKS)}`, task: `${prefix}_${i % TASKS}`, metric: "acc",
    value: (i % 97) / 100, stderr: i % 50 === 0 ? undefined : 0.01, shots: 0,
  }));
}

async function stored(prefix: string): Promise<{ results: number; uploads: number }> {
  const { rows: counted } = await getPool().query<{ results: number; uploads: number }>(
    `SELECT count(*)::int AS results, count(DISTINCT r.upload_id)::int AS uploads
     FROM result r JOIN task t ON t.id = r.task_id WHERE t.name LIKE $1 || '\\_%'`,
    [prefix],
  );
  return counted[0];
}

describe("a long CSV written chunk by chunk", () => {
  it("stores every row of every chunk in one upload, and a revision of the last chunk updates only it", async () => {
    const prefix = uniqueName("streamed");
    const file = rows(prefix);
    const first = await ingestLongCsv("streamed.csv", file);
    expect(first).toMatchObject({ ok: true, format: "csv-long", parsed: ROWS, inserted: ROWS, updated: 0, skipped: 0, missingValues: 0 });
    expect(await stored(prefix)).toEqual({ results: ROWS, uploads: 1 });
    const { rows: upload } = await getPool().query("SELECT parsed, inserted FROM upload WHERE id = $1", [first.ok && first.uploadId]);
    expect(upload[0]).toEqual({ parsed: ROWS, inserted: ROWS });

    const revised = file.map((r, i) => (i >= ROWS - 10 ? { ...r, value: 0.999 } : r));
    const second = await ingestLongCsv("revised.csv", revised);
    expect(second).toMatchObject({ ok: true, parsed: ROWS, inserted: 0, updated: 10, skipped: ROWS - 10 });
    expect(await stored(prefix)).toEqual({ results: ROWS, uploads: 2 });
  });

  it.each([
    ["a value out of bounds on the last line", (file: ReturnType<typeof rows>) => [...file, { ...file[0], revision: "step999999", value: 1.5 }], /^late\.csv:\d+: value 1\.5 of metric "acc" is outside its bounds/],
    ["the first row again, differently, on the last line", (file: ReturnType<typeof rows>) => [...file, { ...file[0], value: 0.42 }], /^late\.csv:\d+: duplicate result for pythia-70m .* with a different value \(0\.42 here, 0 at 2\)/],
    ["a malformed number on the last line", (file: ReturnType<typeof rows>) => [...file, { ...file[0], revision: "step999999", value: "0.4x" }], /^late\.csv:\d+: column "value": expected a number, found "0\.4x" \(at value\)$/],
  ] as const)("stores nothing when %s, after earlier chunks were written, naming the line", async (_, spoil, message) => {
    const prefix = uniqueName("late");
    const outcome = await ingestLongCsv("late.csv", spoil(rows(prefix)) as never);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(message);
    expect(!outcome.ok && outcome.error).toContain(`late.csv:${ROWS + 2}:`);
    expect(await stored(prefix)).toEqual({ results: 0, uploads: 0 });
  });
});
