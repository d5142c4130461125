import { describe, expect, it } from "vitest";
import { toUploadFingerprint, type FingerprintInput } from "./to-upload-fingerprint";

const enc = (s: string) => new TextEncoder().encode(s);
const base: FingerprintInput = {
  parts: [{ fileName: "a.csv", kind: "csv", bytes: enc("model,task,metric,value\nm,t,acc,0.5\n") }],
  note: null,
  dryRun: false,
};

describe("toUploadFingerprint", () => {
  it("is the same for the same files, mappings, note and mode, whatever bytes objects carry them", () => {
    const copy = { ...base, parts: [{ ...base.parts[0], bytes: enc("model,task,metric,value\nm,t,acc,0.5\n") }] };
    expect(toUploadFingerprint(copy)).toBe(toUploadFingerprint(base));
    expect(toUploadFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<FingerprintInput>]>([
    ["other bytes", { parts: [{ ...base.parts[0], bytes: enc("model,task,metric,value\nm,t,acc,0.6\n") }] }],
    ["another file name", { parts: [{ ...base.parts[0], fileName: "b.csv" }] }],
    ["a second file", { parts: [...base.parts, base.parts[0]] }],
    ["a note", { note: "run 2" }],
    ["a dry run", { dryRun: true }],
    ["a model mapping", { models: [{ kind: "alias", name: "m", model: "pythia-70m" }] }],
  ])("changes with %s", (_, change) => {
    expect(toUploadFingerprint({ ...base, ...change })).not.toBe(toUploadFingerprint(base));
  });
});
