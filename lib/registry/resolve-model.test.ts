import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "@/lib/ingest/parse-file";
import { parseModelsCsv } from "@/lib/registry/parse-models-csv";
import { extendRegistry } from "./extend-registry";
import { loadSeedRegistry } from "./__fixtures__/seed-registry";
import { resolveModelName } from "./resolve-model";

const DEMO = path.resolve(import.meta.dirname, "../../data/demo");
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(json|csv)$/.test(name) ? [full] : [];
  });

describe("resolveModelName", () => {
  const registry = loadSeedRegistry();
  const resolve = (name: string) => resolveModelName(name, registry)?.name ?? null;

  it("resolves every model named in every demo file", () => {
    const files = walk(DEMO);
    expect(files).toHaveLength(23);
    const names = new Set(
      files.flatMap((file) => parseFile(path.basename(file), readFileSync(file, "utf8")).results.map((r) => r.model)),
    );
    const unresolved = [...names].filter((name) => resolveModelName(name, registry) === null);
    expect(unresolved).toEqual([]);
    expect(names.size).toBe(8 + 148);
  });

  it("resolves every Pythia file to its folder's size", () => {
    const pythia = walk(path.join(DEMO, "pythia"));
    expect(pythia).toHaveLength(20);
    for (const file of pythia) {
      const folder = path.basename(path.dirname(path.dirname(file))).replace("-bf16", "");
      const [first] = parseFile(path.basename(file), readFileSync(file, "utf8")).results;
      expect(resolve(first.model), file).toBe(folder);
    }
  });

  it.each([
    ["EleutherAI/pythia-v1.1-1.4b", "pythia-1.4b"],
    ["eleutherai/PYTHIA-1.4B", "pythia-1.4b"],
    ["pythia-1b-bf16", "pythia-1b"],
    ["pythia-1.4b-deduped", "EleutherAI/pythia-1.4b-deduped"],
    ["/ckpt/runs/pythia-1.4b/", "pythia-1.4b"],
    ["/ckpt/runs/pythia-1.4b/step1000", "pythia-1.4b"],
    ["./models/Llama-2-7b-hf", "meta-llama/Llama-2-7b-hf"],
    ["C:\\models\\pythia-410m", "pythia-410m"],
    ["someone/pythia-1.4b", null],
    ["/ckpt/runs/unknown-model", null],
    ["gpt-4", null],
  ])("%s → %s", (name, expected) => {
    expect(resolve(name)).toBe(expected);
  });

  it("matches --models globs after names, and user entries win over the seed", () => {
    const user = parseModelsCsv(
      "mine.csv",
      "name,family,parameters\n/scratch/*/my-run-*,Mine,1.4B\npythia-70m,Override,70M\n",
    );
    const extended = extendRegistry(registry, user);
    expect(resolveModelName("/scratch/alice/my-run-3/step500", extended)?.family).toBe("Mine");
    expect(resolveModelName("pythia-70m", extended)?.family).toBe("Override");
    expect(resolveModelName("EleutherAI/pythia-v1.1-70m", extended)?.family).toBe("Pythia");
  });
});
