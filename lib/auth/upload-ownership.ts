import { AppError } from "@/lib/errors/app-error";
import type { AuthenticatedToken } from "./authenticated-token";

/**
 * An upload belongs to the token that made it: that token may delete it, and an
 * admin token may delete any. An upload without a token (the CLI, the demo seed,
 * or one whose token was deleted) only an admin may delete. Null when `token` may
 * delete upload `id`, else the 403 saying why.
 */
export function toDeleteRefusal(id: number, ownerTokenId: number | null, token: Pick<AuthenticatedToken, "id" | "admin">): AppError | null {
  if (token.admin || (ownerTokenId !== null && ownerTokenId === token.id)) return null;
  const maker = ownerTokenId === null ? "the command line or the demo seed" : "another token";
  const who = ownerTokenId === null ? "an admin token" : "the token that made it or an admin token";
  return new AppError(403, "not_owner", `upload ${id} was made by ${maker}; only ${who} may delete it (npm run token -- create NAME --admin)`);
}
