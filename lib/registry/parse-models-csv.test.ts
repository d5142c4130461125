import { describe, expect, it } from "vitest";
import { parseModelsCsv } from "./parse-models-csv";

describe("parseModelsCsv", () => {
  it("reads plain numbers and K/M/B/T suffixes, empty cells as null", () => {
    const text = [
      "name,family,parameters,tokens,flops,tokens_per_step,final_step",
      "/ckpt/runs/my-1b*,MyRuns,1.4B,300B,2.52e21,2097152,143000",
      "my-tiny,MyRuns,300M,2T,,,",
    ].join("\n");
    expect(parseModelsCsv("models.csv", text)).toEqual([
      {
        name: "/ckpt/runs/my-1b*", aliases: [], family: "MyRuns", parameters: 1.4e9, trainingTokens: 3e11, trainingFlops: 2.52e21,
        flopsEstimated: false, tokensPerStep: 2097152, finalStep: 143000, source: "--models models.csv", note: "",
      },
      {
        name: "my-tiny", aliases: [], family: "MyRuns", parameters: 3e8, trainingTokens: 2e12, trainingFlops: null,
        flopsEstimated: false, tokensPerStep: null, finalStep: null, source: "--models models.csv", note: "",
      },
    ]);
  });

  it.each([
    ["name,size\nx,1\n", 'models.csv:1: unknown column "size"'],
    ["family\nx\n", 'models.csv:1: missing column "name"'],
    ["name,parameters\nx,big\n", 'models.csv:2: column "parameters": expected a positive number'],
    ["name,parameters\nx,-5\n", 'models.csv:2: column "parameters"'],
    ["name,final_step\nx,1.5\n", "models.csv:2: invalid finalStep"],
    ["name,parameters\n,5\n", "models.csv:2: invalid name"],
  ])("rejects %j", (text, message) => {
    expect(() => parseModelsCsv("models.csv", text)).toThrow(message);
  });
});
