// Issue 12, item 4: DATABASE_READ_URL, when set, serves the read routes; health, writes and
// everything outside a read route stay on DATABASE_URL. The "replica" here is a port nothing
// listens on, so where each query went shows in the answer (503 from the replica, 200 from the primary).
import { afterEach, describe, expect, inject, it } from "vitest";
import { GET as health } from "./health/route";
import { GET as tasks } from "./tasks/route";
import { closeDb, getPool, readingFromReplica } from "@/lib/db/client";

const request = (path: string) => new Request(`http://127.0.0.1${path}`);

afterEach(async () => {
  delete process.env.DATABASE_READ_URL;
  await closeDb();
});

describe.runIf(inject("databaseKind") === "postgres")("a read replica (DATABASE_READ_URL)", () => {
  it("serves the read routes, while health and other queries stay on the primary", async () => {
    process.env.DATABASE_READ_URL = "postgresql://postgres@127.0.0.1:1/replica_test";
    await closeDb();
    const read = await tasks(request("/api/tasks"));
    expect(read.status).toBe(503);
    expect(((await read.json()) as { error: { message: string } }).error.message).toMatch(/could not connect/);
    expect((await health(request("/api/health"))).status).toBe(200);
    expect((await getPool().query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await expect(readingFromReplica(() => getPool().query("SELECT 1"))).rejects.toThrow(/could not connect/);
  });

  it("falls back to the primary when unset", async () => {
    expect((await tasks(request("/api/tasks"))).status).toBe(200);
  });
});
