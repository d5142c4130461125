import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { takeFromWindow } from "@/lib/auth/rate-limiter";
import { withTransaction } from "./with-transaction";

/** What a token spends its per-minute budgets on; each has its own. */
export type RateBucket = "uploads" | "registry edits" | "deletions";

const WINDOW_MS = 60_000;

/**
 * Counts one request against its token's budget for the bucket; 429 with
 * Retry-After past `perMinute`. The window lives in Postgres (table rate_limit,
 * the row locked for the decision, the database's clock), so any number of web
 * processes share one budget per token and a restarted process forgets nothing.
 */
export async function takeRateSlot(bucket: RateBucket, tokenId: number, perMinute: number): Promise<void> {
  const decision = await withTransaction(async (client) => {
    await client.query("INSERT INTO rate_limit (bucket, key) VALUES ($1, $2) ON CONFLICT DO NOTHING", [bucket, String(tokenId)]);
    const { rows: [row] } = await client.query<{ events: string[]; now: string }>(
      "SELECT events::text[] AS events, (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text AS now FROM rate_limit WHERE bucket = $1 AND key = $2 FOR UPDATE",
      [bucket, String(tokenId)],
    );
    const taken = takeFromWindow(row.events.map(Number), perMinute, WINDOW_MS, Number(row.now));
    await client.query("UPDATE rate_limit SET events = $3::bigint[] WHERE bucket = $1 AND key = $2", [bucket, String(tokenId), taken.events]);
    return taken.decision;
  });
  if (!decision.ok) {
    throw new AppError(429, "rate_limited", `this token may make ${perMinute} ${bucket} a minute; retry in ${decision.retryAfterSeconds} s`, {
      "retry-after": String(decision.retryAfterSeconds),
    });
  }
}
