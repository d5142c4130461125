import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { verifyApiToken } from "@/lib/db/api-tokens";

import type { AuthenticatedToken } from "@/lib/auth/authenticated-token";

export type { AuthenticatedToken } from "@/lib/auth/authenticated-token";

const CHALLENGE = { "www-authenticate": 'Bearer realm="emergence-atlas"' };

function unauthorized(code: string, message: string): AppError {
  return new AppError(401, code, message, CHALLENGE);
}

/** The token behind `Authorization: Bearer <token>`, or a 401 saying what is wrong with it. */
export async function authenticateRequest(request: Request): Promise<AuthenticatedToken> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") {
    throw unauthorized("missing_token", "this needs an API token: send Authorization: Bearer <token> (create one with npm run token -- create NAME)");
  }
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header);
  if (!match) throw unauthorized("invalid_token", "the Authorization header must be: Bearer <token>");
  const check = await verifyApiToken(match[1]);
  if (!check.ok) {
    throw check.reason === "revoked"
      ? unauthorized("revoked_token", "this API token has been revoked")
      : unauthorized("invalid_token", "unknown API token");
  }
  return { id: check.id, name: check.name, admin: check.admin };
}
