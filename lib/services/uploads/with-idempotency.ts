import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/db/idempotency-keys";
import { idempotencyKeySchema } from "@/lib/schemas/uploads";

/** The request's Idempotency-Key header, or null; 400 naming the header when it is not a key. */
export function readIdempotencyKey(request: Request): string | null {
  const header = request.headers.get("idempotency-key");
  if (header === null) return null;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) throw new AppError(400, "invalid_idempotency_key", `Idempotency-Key: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/**
 * Runs an upload once per (token, Idempotency-Key): a retry with the same key and
 * payload gets the first answer again (the same upload id, nothing stored twice),
 * the same key with another payload 422, and a retry while the first still runs
 * 409 with Retry-After. Keys live in Postgres, so this holds across server
 * processes. A request that fails frees its key: nothing was stored, a retry runs.
 */
export async function withIdempotency<T>(key: string | null, tokenId: number, fingerprint: string, run: () => Promise<T>): Promise<T> {
  if (key === null) return run();
  const claim = await claimIdempotencyKey(tokenId, key, fingerprint);
  if (claim.kind === "replay") return claim.response as T;
  if (claim.kind === "other-payload") {
    throw new AppError(422, "idempotency_key_reused", `Idempotency-Key ${JSON.stringify(key)} was already used with another payload; use a new key for a different upload`);
  }
  if (claim.kind === "running") {
    throw new AppError(409, "idempotency_key_in_use", `a request with Idempotency-Key ${JSON.stringify(key)} is still running; retry shortly to get its answer`, {
      "retry-after": "2",
    });
  }
  let answer: T;
  try {
    answer = await run();
  } catch (err) {
    await releaseIdempotencyKey(tokenId, key).catch((e: unknown) => console.error("could not free an Idempotency-Key:", e));
    throw err;
  }
  await completeIdempotencyKey(tokenId, key, answer);
  return answer;
}
