// Issue 10 through the CLI: a file with no results and a name with hidden characters
// are errors for that file (exit 1), the same rule as uploads; a --models file
// breaking the name rule is refused before anything is ingested.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCurves } from "@/lib/db/curves";
import { runScript } from "@/lib/testing/run-script";
import { uniqueName } from "@/lib/testing/factories";

const ingest = (...args: string[]) => runScript("ingest.ts", ...args);
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1)!);

describe("npm run ingest refuses what uploads refuse", () => {
  it("reports a file with no results and a name with a right-to-left override, stores the good file, exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-cli-"));
    const task = uniqueName("cli_rule");
    writeFileSync(path.join(dir, "empty.csv"), "model,task,metric,value\n");
    writeFileSync(path.join(dir, "rtl.csv"), `model,task,metric,value\npythia-70m\u202E,${task}_rtl,acc,0.5\n`);
    writeFileSync(path.join(dir, "good.csv"), `model,task,metric,value\npythia-70m,${task},acc,0.5\n`);
    const result = await ingest(dir);
    expect(result.code).toBe(1);
    const summary = lastJson(result.stdout);
    expect(summary).toMatchObject({ files: 3, inserted: 1 });
    expect(summary.errors.map((e: { error: string }) => e.error).sort()).toEqual([
      expect.stringMatching(/empty\.csv: no results in .*empty\.csv$/),
      expect.stringMatching(/rtl\.csv:2: model .* contains a right-to-left override \(U\+202E\) \(at model\)$/),
    ]);
    expect(result.stderr).toMatch(/error: .*no results in/);
    await expect(getCurves({ task: `${task}_rtl`, x: "params" })).rejects.toThrow(/not found/);
    expect((await getCurves({ task, x: "params" })).series).toHaveLength(1);
  });

  it("refuses a --models file whose name holds a zero-width space, naming its line, before ingesting", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-cli-"));
    const task = uniqueName("cli_rule");
    writeFileSync(path.join(dir, "models.csv"), "name,family,parameters\nmy\u200Brun,Mine,1B\n");
    writeFileSync(path.join(dir, "r.csv"), `model,task,metric,value\nmy-run,${task},acc,0.5\n`);
    const result = await ingest("--models", path.join(dir, "models.csv"), path.join(dir, "r.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*models\.csv:2: invalid name: .*zero-width space \(U\+200B\)/m);
    await expect(getCurves({ task, x: "params" })).rejects.toThrow(/not found/);
  });
});
