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
  if (origin !== "null" && (ownOrigins(request).includes(origin) || allowed.includes(origin))) return;
  throw forbidden(`a request from origin ${JSON.stringify(origin)}`);
}

/**
 * The origins this request was addressed to: the URL's, and the Host header's
 * under the same scheme, because `next start` rewrites request.url to
 * localhost (served on 127.0.0.1, a page's Origin is http://127.0.0.1:PORT).
 */
function ownOrigins(request: Request): string[] {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host ? [url.origin, `${url.protocol}//${host}`] : [url.origin];
}

function forbidden(what: string): AppError {
  return new AppError(403, "cross_origin", `${what} may not write; upload from this app's pages or without a browser`);
}

/** ATLAS_ALLOWED_ORIGINS as a list. */
export function toAllowedOrigins(setting: string): string[] {
  return setting.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
