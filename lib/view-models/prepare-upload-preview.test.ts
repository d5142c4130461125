import { describe, expect, it } from "vitest";
import type { FilePreview } from "@/lib/schemas/uploads";
import { prepareFilePreview, toUnknownModels } from "./prepare-upload-preview";

const base: FilePreview = {
  fileName: "runs.csv", sha256: "ab", ok: true, format: "csv-long", alreadyUploaded: false,
  parsed: 3, inserted: 2, updated: 1, skipped: 0, missingValues: 1,
  models: [
    { name: "EleutherAI/pythia-160m", family: "Pythia", scale: { parameters: 1.62e8, trainingTokens: 3e11, trainingFlops: 2.9e20, flopsEstimated: true } },
    { name: "<script>alert(1)</script>", family: null, scale: null },
  ],
  tasks: ["sciq"], metrics: ["acc"], shots: [0, null], problems: [],
};

describe("prepareFilePreview", () => {
  it("describes a ready file: format, counts, each model's scale or 'scale unknown'", () => {
    const p = prepareFilePreview(base);
    expect(p).toMatchObject({ status: "ready", statusLabel: "ready to commit", format: "CSV, long (model, task, metric, value)", shots: "0, unknown" });
    expect(p.models).toEqual([
      { name: "EleutherAI/pythia-160m", family: "Pythia", scale: "162M parameters, 300B tokens, 2.9e20 FLOPs (estimated)", unknown: false },
      { name: "<script>alert(1)</script>", family: "—", scale: "scale unknown", unknown: true },
    ]);
    expect(p.counts.find((c) => c.label === "missing values (not stored)")?.value).toBe(1);
  });

  it("marks a repeat and a file with problems", () => {
    expect(prepareFilePreview({ ...base, alreadyUploaded: true }).statusLabel).toBe("already uploaded");
    const bad = prepareFilePreview({ ...base, ok: false, format: null, models: [], problems: ["runs.csv: line 3: value 1.7 is above 1"] });
    expect(bad).toMatchObject({ status: "problems", format: "not detected", shots: "0, unknown", problems: ["runs.csv: line 3: value 1.7 is above 1"] });
  });
});

describe("toUnknownModels", () => {
  it("lists each model of unknown scale once, from files that can be stored", () => {
    const other = { ...base, models: [{ name: "a/run", family: null, scale: null }, base.models[1]] };
    const broken = { ...base, ok: false, models: [{ name: "z/never", family: null, scale: null }] };
    expect(toUnknownModels([base, other, broken])).toEqual(["<script>alert(1)</script>", "a/run"]);
  });
});
