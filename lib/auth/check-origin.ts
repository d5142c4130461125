import { AppError } from "@/lib/api/app-error";

/**
 * Refuses a cross-site write from a browser. Browsers send Origin on every POST
 * and DELETE; scripts (curl, CI) send none and are let through, since they
 * authenticate with a token a foreign page cannot read. `null` (sandboxed
 * frames, file: pages, some redirects) is treated as foreign.
 */
export function checkOrigin(request: Request, allowed: readonly string[] = []): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin === null) {
    if (fetchSite === "cross-site") throw forbidden("a cross-site request");
    return;
  }
  const own = new URL(request.url).origin;
  if (origin !== "null" && (origin === own || allowed.includes(origin))) return;
  throw forbidden(`a request from origin ${JSON.stringify(origin)}`);
}

function forbidden(what: string): AppError {
  return new AppError(403, "cross_origin", `${what} may not write; upload from this app's pages or without a browser`);
}

/** ATLAS_ALLOWED_ORIGINS as a list. */
export function toAllowedOrigins(setting: string): string[] {
  return setting.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
