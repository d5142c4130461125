import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Tokens look like `atl_` + 43 base64url characters (256 random bits). */
const TOKEN_PREFIX = "atl_";
const SHOWN_CHARS = 12;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/**
 * The stored form of a token. A plain sha256 is enough: the token is 256 random
 * bits, so there is nothing for a salt or a slow hash to protect against.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What lists and the UI show of a token: enough to recognise it, useless to an attacker. */
export function tokenPrefix(token: string): string {
  return token.slice(0, SHOWN_CHARS);
}

/** Constant-time comparison of two hex hashes (same length, so timingSafeEqual applies). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
