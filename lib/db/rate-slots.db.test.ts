import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { closeDb, getPool } from "./client";
import { takeRateSlot } from "./rate-slots";

let nextToken = 900_000 + Math.floor(Math.random() * 1_000) * 100;
const freshToken = () => nextToken++;

async function refusal(take: Promise<void>): Promise<AppError> {
  const err = await take.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected a 429, got ${String(err)}`);
  return err;
}

describe("the per-token rate budget in Postgres", () => {
  it("allows perMinute requests a minute per token and bucket, then 429 with Retry-After", async () => {
    const token = freshToken();
    await takeRateSlot("uploads", token, 2);
    await takeRateSlot("uploads", token, 2);
    const refused = await refusal(takeRateSlot("uploads", token, 2));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers?.["retry-after"])).toBeGreaterThanOrEqual(59);
    // another bucket, another token: budgets of their own
    await takeRateSlot("deletions", token, 2);
    await takeRateSlot("uploads", freshToken(), 2);
  });

  it("is shared by every process: a new pool (a restarted or second web process) sees the same budget", async () => {
    const token = freshToken();
    await takeRateSlot("registry edits", token, 1);
    await closeDb();
    expect((await refusal(takeRateSlot("registry edits", token, 1))).status).toBe(429);
  });

  it("lets exactly perMinute of many concurrent requests through", async () => {
    const token = freshToken();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => takeRateSlot("uploads", token, 3)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const { rows } = await getPool().query("SELECT cardinality(events) AS n FROM rate_limit WHERE bucket = 'uploads' AND key = $1", [String(token)]);
    expect(rows).toEqual([{ n: 3 }]);
  });
});
