import { AppError } from "@/lib/errors/app-error";

function tooLarge(detail: string): AppError {
  return new AppError(413, "body_too_large", detail);
}

/**
 * Reads a request body into memory, never more than `limit` bytes: a declared
 * Content-Length over the limit is refused before reading, and the stream is
 * counted as it arrives (chunked bodies, or a Content-Length that understates the
 * body) and cancelled the moment it passes the limit or its declared length.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const header = request.headers.get("content-length");
  let declared: number | null = null;
  if (header !== null) {
    if (!/^\d{1,15}$/.test(header.trim())) throw new AppError(400, "bad_content_length", "Content-Length is not a number of bytes");
    declared = Number(header.trim());
  }
  if (declared !== null && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(`the body is ${declared} bytes; the limit is ${limit} bytes`);
  }
  if (request.body === null) return new Uint8Array(0);
  const max = Math.min(limit, declared ?? limit);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(
        declared !== null && declared < limit
          ? `the body is longer than its Content-Length of ${declared} bytes`
          : `the body is larger than the limit of ${limit} bytes`,
      );
    }
    chunks.push(value);
  }
  if (declared !== null && total < declared) {
    throw new AppError(400, "truncated_body", `the body ended after ${total} of its declared ${declared} bytes`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
