import { describe, expect, it } from "vitest";
import { sanitizeFileName } from "./sanitize-file-name";

describe("sanitizeFileName", () => {
  it.each([
    ["results_2024.json", "json", "results_2024.json"],
    ["../../etc/passwd", "csv", "passwd.csv"],
    ["C:\\runs\\pythia.csv", "csv", "pythia.csv"],
    ["a\u0000b\u0007c.json", "json", "abc.json"],
    ["bad\uD800name.json", "json", "badname.json"],
    ["<script>.json", "json", "_script_.json"],
    ["=cmd.csv", "csv", "=cmd.csv"],
    ["...hidden.csv", "csv", "hidden.csv"],
    ["", "json", "upload.json"],
    [null, "csv", "upload.csv"],
    ["notes.txt", "csv", "notes.txt.csv"],
  ] as const)("%j as %s -> %j", (raw, kind, expected) => {
    expect(sanitizeFileName(raw, kind)).toBe(expected);
  });

  it("keeps at most 200 characters and the extension", () => {
    const name = sanitizeFileName("x".repeat(500) + ".json", "json");
    expect(name).toHaveLength(200);
    expect(name.endsWith(".json")).toBe(true);
  });
});
