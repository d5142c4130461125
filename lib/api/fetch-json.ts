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

/** A non-2xx answer as an error carrying the server's message (or, from a proxy that sent no JSON error, its status). */
export function toApiRequestError(status: number, body: unknown): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(body);
  return new ApiRequestError(status, parsed.success ? parsed.data.error.message : `the server answered HTTP ${status}`);
}

/** The client's only way to read the API: fetch (with the tab's token, when a read shows holders more), then validate against the response schema. */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal, token?: string | null): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { signal, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiRequestError(res.status, body);
  return schema.parse(body);
}
