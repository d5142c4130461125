import { AppError } from "@/lib/errors/app-error";
import { sanitizeFileName, type UploadKind } from "./sanitize-file-name";

export type UploadPart = { fileName: string; kind: UploadKind; bytes: Uint8Array };

const MEDIA_TYPES: Record<string, UploadKind> = {
  "application/json": "json",
  "text/json": "json",
  "text/csv": "csv",
  "application/csv": "csv",
  "application/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/zip": "eval",
};
const EXTENSIONS: Record<string, UploadKind> = { json: "json", csv: "csv", jsonl: "jsonl", eval: "eval" };
const MAX_FILES = 500;

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

function unsupported(what: string): AppError {
  return new AppError(
    415,
    "unsupported_media_type",
    `${what}: send application/json, text/csv, application/jsonl, application/zip (an Inspect .eval) or multipart/form-data with .json / .csv / .jsonl / .eval files`,
  );
}

/** The name a raw body was sent under: ?name= or X-File-Name (which may be percent-encoded, headers being ASCII). */
export function nameHint(request: Request, fromQuery: string | undefined): string | null {
  if (fromQuery !== undefined) return fromQuery;
  const header = request.headers.get("x-file-name");
  if (header === null) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function extensionKind(name: string): UploadKind | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : null;
}

/** By the name first where browsers disagree on a type (.jsonl, .eval), else by the part's Content-Type, else its extension. */
function partKind(file: File): UploadKind | null {
  const byName = extensionKind(file.name);
  if (byName === "jsonl" || byName === "eval") return byName;
  const byType = MEDIA_TYPES[mediaType(file.type)];
  if (byType) return byType;
  if (file.type !== "" && mediaType(file.type) !== "application/octet-stream") return null;
  return byName;
}

/**
 * The files in an upload body: the body itself for application/json or text/csv,
 * every file part of a multipart/form-data body (each typed by its own
 * Content-Type, else by its extension). The body was already read within the limit.
 */
export async function toUploadParts(request: Request, bytes: Uint8Array, hint: string | null): Promise<UploadPart[]> {
  const contentType = request.headers.get("content-type");
  const media = mediaType(contentType);
  if (media !== "multipart/form-data") {
    // a raw .eval body may come as application/octet-stream, named by ?name=
    const kind = MEDIA_TYPES[media] ?? (media === "application/octet-stream" && hint !== null && extensionKind(hint) === "eval" ? "eval" : undefined);
    if (!kind) throw unsupported(`Content-Type ${JSON.stringify(media || "(none)")} is not accepted`);
    return [{ fileName: sanitizeFileName(hint, kind), kind, bytes }];
  }
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType ?? "" } }).formData();
  } catch {
    throw new AppError(400, "malformed_multipart", "the multipart/form-data body cannot be read");
  }
  const parts: UploadPart[] = [];
  for (const [, value] of form) {
    if (typeof value === "string") continue;
    const kind = partKind(value);
    if (!kind) throw unsupported(`${JSON.stringify(sanitizeFileName(value.name, "json").replace(/\.json$/, ""))} (${value.type || "no type"}) is not JSON, CSV, JSON Lines or an Inspect .eval`);
    parts.push({ fileName: sanitizeFileName(value.name, kind), kind, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (parts.length === 0) throw new AppError(400, "no_files", "the multipart body holds no file");
  if (parts.length > MAX_FILES) throw new AppError(413, "too_many_files", `at most ${MAX_FILES} files per request`);
  return parts;
}
