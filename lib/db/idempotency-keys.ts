import "server-only";
import { getPool } from "./client";

/** How long a finished request's answer is replayed for its key. */
const KEPT = "24 hours";
/** A key claimed longer ago without an answer belongs to a request that died with its process: the key may be taken again. */
const ABANDONED = "10 minutes";

export type IdempotencyClaim =
  | { kind: "claimed" }
  | { kind: "replay"; response: unknown }
  | { kind: "running" }
  | { kind: "other-payload" };

/**
 * Claims `key` for one of `tokenId`'s requests, atomically (two requests racing
 * for a new key: one claims it, the other finds it running). A key already
 * used says what the request should do instead: replay the stored answer, wait
 * for the first request, or refuse a different payload. Keys older than a day
 * are forgotten on the way.
 */
export async function claimIdempotencyKey(tokenId: number, key: string, fingerprint: string): Promise<IdempotencyClaim> {
  const pool = getPool();
  await pool.query(`DELETE FROM upload_idempotency WHERE created_at < now() - interval '${KEPT}'`);
  const claimed = await pool.query(
    `INSERT INTO upload_idempotency AS k (token_id, key, fingerprint) VALUES ($1, $2, $3)
     ON CONFLICT (token_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = now()
       WHERE k.response IS NULL AND k.created_at < now() - interval '${ABANDONED}'
     RETURNING 1`,
    [tokenId, key, fingerprint],
  );
  if (claimed.rows.length > 0) return { kind: "claimed" };
  const { rows } = await pool.query<{ fingerprint: string; response: unknown }>(
    "SELECT fingerprint, response FROM upload_idempotency WHERE token_id = $1 AND key = $2",
    [tokenId, key],
  );
  // forgotten between the two statements (a day old): claim it afresh
  if (rows.length === 0) return claimIdempotencyKey(tokenId, key, fingerprint);
  if (rows[0].fingerprint !== fingerprint) return { kind: "other-payload" };
  return rows[0].response === null ? { kind: "running" } : { kind: "replay", response: rows[0].response };
}

/** Stores the answer of the request that claimed `key`, for its retries. */
export async function completeIdempotencyKey(tokenId: number, key: string, response: unknown): Promise<void> {
  await getPool().query("UPDATE upload_idempotency SET response = $3::jsonb WHERE token_id = $1 AND key = $2", [tokenId, key, JSON.stringify(response)]);
}

/** Frees `key` after its request failed (nothing was stored), so a retry runs again. */
export async function releaseIdempotencyKey(tokenId: number, key: string): Promise<void> {
  await getPool().query("DELETE FROM upload_idempotency WHERE token_id = $1 AND key = $2 AND response IS NULL", [tokenId, key]);
}
