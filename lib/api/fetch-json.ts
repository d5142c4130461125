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

/** The client's only way to call the API: fetch, then validate against the response schema. */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError(res.status, parsed.success ? parsed.data.error.message : `HTTP ${res.status}`);
  }
  return schema.parse(body);
}
