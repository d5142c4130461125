import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emergenceClaimSchema } from "@/lib/schemas/audit";
import { EMERGENCE_CLAIMS } from "./emergence-claims";

const registryTasks = new Set(readFileSync("data/registry/tasks.csv", "utf8").split("\n").slice(1).map((l) => l.split(",")[0]));

describe("EMERGENCE_CLAIMS", () => {
  it("are valid claims with distinct ids", () => {
    for (const c of EMERGENCE_CLAIMS) expect(emergenceClaimSchema.parse(c)).toEqual(c);
    expect(new Set(EMERGENCE_CLAIMS.map((c) => c.id)).size).toBe(EMERGENCE_CLAIMS.length);
  });

  it("copy Table 1's scales as printed, and give none where the source states none", () => {
    const byId = new Map(EMERGENCE_CLAIMS.map((c) => [c.id, c]));
    expect(byId.get("wei-3-digit-arithmetic")).toMatchObject({ emergentFlops: "2.3E+22", emergentParams: "13B", where: "Table 1" });
    expect(byId.get("wei-mmlu-57")).toMatchObject({ emergentFlops: "3.1E+23", emergentParams: "175B" });
    for (const c of EMERGENCE_CLAIMS.filter((c) => c.where.startsWith("Figure 2"))) expect([c.emergentFlops, c.emergentParams]).toEqual([null, null]);
  });

  it("point at the demo's emergent tasks by the names the registry gives them", () => {
    const named = EMERGENCE_CLAIMS.flatMap((c) => c.storeTasks).filter((t) => registryTasks.has(t));
    expect(new Set(named)).toEqual(new Set([
      "arithmetic_3da", "arithmetic_3ds", "arithmetic_2dm", "mmlu", "truthfulqa_mc2", "ipa_transliterate", "word_unscrambling", "parsinlu_qa",
    ]));
  });
});
