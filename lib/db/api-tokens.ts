import "server-only";
import { generateToken, hashToken, sameHash, tokenPrefix } from "@/lib/auth/token-secret";
import { getPrisma } from "./client";

export type ApiTokenInfo = {
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** may delete any upload, not only its own */
  admin: boolean;
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

type TokenRow = { name: string; prefix: string; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; isAdmin: boolean };

function toInfo(row: TokenRow): ApiTokenInfo {
  return {
    name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), revokedAt: iso(row.revokedAt), lastUsedAt: iso(row.lastUsedAt),
    admin: row.isAdmin,
  };
}

/** Makes a token (an admin token with `admin`); the secret is in the answer and nowhere else (only its hash is stored). */
export async function createApiToken(name: string, { admin = false } = {}): Promise<ApiTokenInfo & { token: string }> {
  const token = generateToken();
  const row = await getPrisma().apiToken.create({ data: { name, prefix: tokenPrefix(token), hash: hashToken(token), isAdmin: admin } });
  return { ...toInfo(row), token };
}

export async function listApiTokens(): Promise<ApiTokenInfo[]> {
  const rows = await getPrisma().apiToken.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toInfo);
}

/** Revokes by name; null when no token has that name. Revoking twice keeps the first time. */
export async function revokeApiToken(name: string): Promise<ApiTokenInfo | null> {
  const prisma = getPrisma();
  await prisma.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await prisma.apiToken.findUnique({ where: { name } });
  return row === null ? null : toInfo(row);
}

export type TokenCheck = { ok: true; id: number; name: string; admin: boolean } | { ok: false; reason: "unknown" | "revoked" };

/** Finds the token a request presented, comparing hashes in constant time, and notes its use. */
export async function verifyApiToken(token: string): Promise<TokenCheck> {
  const hash = hashToken(token);
  const row = await getPrisma().apiToken.findUnique({ where: { hash } });
  if (row === null || !sameHash(row.hash, hash)) return { ok: false, reason: "unknown" };
  if (row.revokedAt !== null) return { ok: false, reason: "revoked" };
  await getPrisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { ok: true, id: row.id, name: row.name, admin: row.isAdmin };
}
