import { createHash } from "node:crypto";
import type { ModelMapping } from "@/lib/schemas/uploads";
import type { UploadPart } from "./to-upload-parts";

export type FingerprintInput = { parts: UploadPart[]; models?: ModelMapping[]; note: string | null; dryRun: boolean };

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/**
 * What makes two upload requests "the same payload" for an Idempotency-Key: the
 * files (name, kind and bytes, in order), the model mappings, the note and
 * whether it is a dry run. Not the raw body, whose multipart boundary a client
 * picks afresh for every retry.
 */
export function toUploadFingerprint(input: FingerprintInput): string {
  return sha256(
    JSON.stringify({
      parts: input.parts.map((p) => [p.fileName, p.kind, sha256(p.bytes)]),
      models: input.models ?? [],
      note: input.note,
      dryRun: input.dryRun,
    }),
  );
}
