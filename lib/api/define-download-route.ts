import type { z } from "zod";
import { authorize, readParams, readQuery, type RouteAuth, type RouteContext } from "./define-route";
import { toErrorResponse } from "./to-error-response";

/** A file to download: bytes, their media type, and a file name safe in any header and file system. */
export type Download = { body: Uint8Array | string; contentType: string; fileName: string };

type DownloadSpec<Q extends z.ZodType, P extends z.ZodType> = {
  query: Q;
  params: P;
  auth?: RouteAuth;
  handler: (input: { query: z.infer<Q>; params: z.infer<P>; request: Request }) => Promise<Download>;
};

/** Letters, digits, dot, dash and underscore only, at most 150 characters, never starting with a dot. */
export function toSafeFileName(name: string): string {
  const safe = name.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-150);
  return safe.length > 0 ? safe : "download";
}

/**
 * defineRoute for files: the same query and path validation (400 naming the
 * parameter), auth and error mapping, but the answer is an attachment with a
 * safe file name, never rendered inline by the browser.
 */
export function defineDownloadRoute<Q extends z.ZodType, P extends z.ZodType>(spec: DownloadSpec<Q, P>) {
  return async function handle(request: Request, context?: RouteContext): Promise<Response> {
    let params: z.infer<P>;
    let query: z.infer<Q>;
    try {
      params = await readParams(spec.params, context);
    } catch (err) {
      return toErrorResponse(err, "params");
    }
    try {
      query = readQuery(spec.query, request);
    } catch (err) {
      return toErrorResponse(err, "query");
    }
    try {
      await authorize(request, spec.auth ?? "read");
      const file = await spec.handler({ query, params, request });
      const body = typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]);
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": file.contentType,
          "content-disposition": `attachment; filename="${toSafeFileName(file.fileName)}"`,
          "x-content-type-options": "nosniff",
          // an SVG opened directly still cannot run script or load anything
          "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          "cache-control": "no-store",
        },
      });
    } catch (err) {
      return toErrorResponse(err, "handler");
    }
  };
}
