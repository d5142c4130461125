import type { z } from "zod";
import { apiErrorSchema } from "@/lib/schemas/api-error";

/** An API answer that was not 2xx, with the server's message and the field it names, if any. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly field: string | null;
  constructor(status: number, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.field = field;
  }
}

/** A non-2xx answer as an error carrying the server's message and field (or, from a proxy that sent no JSON error, its status). */
export function toApiRequestError(status: number, body: unknown): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) return new ApiRequestError(status, `the server answered HTTP ${status}`);
  return new ApiRequestError(status, parsed.data.error.message, parsed.data.error.field ?? null);
}

export type ApiRequest = {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** FormData goes as multipart; anything else as JSON */
  body?: unknown;
  /** the tab's API token, sent as a bearer token */
  token?: string | null;
  signal?: AbortSignal;
};

/**
 * The client's only way to call the API, reads and writes alike: the request
 * (with the tab's token), then the answer validated against the response
 * schema; a non-2xx answer throws ApiRequestError with the server's words.
 */
export async function requestApi<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: BodyInit | undefined;
  if (request.body instanceof FormData) body = request.body;
  else if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.body);
  }
  const res = await fetch(request.url, { method: request.method ?? "GET", body, headers, signal: request.signal });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiRequestError(res.status, json);
  return schema.parse(json);
}

/** A read: GET the URL and validate the answer. */
export function fetchJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal, token?: string | null): Promise<z.infer<S>> {
  return requestApi({ url, signal, token }, schema);
}
