import { AppError } from "@/lib/errors/app-error";

/** An Origin header or configured origin in its canonical form (`https://host[:port]`), or null when it is not one. */
export function toOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}

type OriginSettings = { ATLAS_PUBLIC_ORIGIN?: string; ATLAS_ALLOWED_ORIGINS: string; HOST: string; PORT: number };

const list = (setting: string | undefined) => (setting ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);

/**
 * The origins a browser may write from: where the app is served
 * (ATLAS_PUBLIC_ORIGIN, comma-separated; by default the listen address
 * http://HOST:PORT and its loopback names) and the extra sites
 * ATLAS_ALLOWED_ORIGINS names. Never derived from the request: its Host header
 * and URL are whatever the client chose to send.
 */
export function toAllowedOrigins(env: OriginSettings): string[] {
  const host = env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  const served = list(env.ATLAS_PUBLIC_ORIGIN);
  const defaults = [`http://${host}:${env.PORT}`, `http://127.0.0.1:${env.PORT}`, `http://localhost:${env.PORT}`];
  const origins = [...(served.length > 0 ? served : defaults), ...list(env.ATLAS_ALLOWED_ORIGINS)].map(toOrigin);
  return [...new Set(origins.filter((o): o is string => o !== null))];
}

/**
 * Refuses a cross-site write from a browser. Browsers send Origin on every POST,
 * PATCH and DELETE; it must be one of the allowed origins. Scripts (curl, CI)
 * send none and are let through, since they authenticate with a token a foreign
 * page cannot read; a browser's cross-site request without Origin is still
 * refused by its Sec-Fetch-Site. `null` (sandboxed frames, file: pages, some
 * redirects) is treated as foreign.
 */
export function checkOrigin(request: Request, allowed: readonly string[]): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden("a cross-site request", allowed);
    return;
  }
  const canonical = origin === "null" ? null : toOrigin(origin);
  if (canonical !== null && allowed.includes(canonical)) return;
  throw forbidden(`a request from origin ${JSON.stringify(origin)}`, allowed);
}

function forbidden(what: string, allowed: readonly string[]): AppError {
  return new AppError(
    403,
    "cross_origin",
    `${what} may not write: this app is served at ${allowed.join(", ") || "no configured origin"} (ATLAS_PUBLIC_ORIGIN); write from its pages or without a browser`,
  );
}
