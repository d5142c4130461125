import { CONTROL_CHARACTER, LONE_SURROGATE } from "@/lib/schemas/safe-name";
/** What an upload's file is sent as: JSON, CSV, JSON Lines (Every Eval Ever records, lm-eval samples), an Inspect `.eval` archive. */
export type UploadKind = "json" | "csv" | "jsonl" | "eval";

const MAX_LENGTH = 200;

/** the name rule's control characters and lone surrogates, every one */
const UNSTORABLE = new RegExp(`${CONTROL_CHARACTER.source}|${LONE_SURROGATE.source}`, "gu");

/**
 * A client-supplied file name made safe to store and show: the last path
 * segment only, control characters and lone surrogates dropped, anything but
 * letters, digits and `._-+()=,@ ` replaced by `_`, no leading dots, at most
 * 200 characters, ending in the extension of what the content is. Only
 * provenance: nothing is ever written to disk under this name.
 */
export function sanitizeFileName(raw: string | null, kind: UploadKind): string {
  const ext = `.${kind}`;
  const last = (raw ?? "").split(/[\\/]/).pop() ?? "";
  let name = last
    .replace(UNSTORABLE, "")
    .replace(/[^\p{L}\p{N}._\-+()=,@ ]/gu, "_")
    .trim()
    .replace(/^\.+/, "");
  if (!name.toLowerCase().endsWith(ext)) name += ext;
  if (name === ext) name = `upload${ext}`;
  if (name.length > MAX_LENGTH) name = name.slice(0, MAX_LENGTH - ext.length) + ext;
  return name;
}
