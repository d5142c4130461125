import { describe, expect, it } from "vitest";
import { toCurvesQuery, toPageSearch } from "./curves-url";

describe("curves URL state", () => {
  it("round-trips a view through the URL", () => {
    const q = toCurvesQuery("lambada_openai", { metric: "ppl", shots: "5", x: "flops" });
    expect(q).toEqual({ task: "lambada_openai", metric: "ppl", shots: 5, x: "flops" });
    const again = toCurvesQuery("lambada_openai", Object.fromEntries(new URLSearchParams(toPageSearch(q))));
    expect(again).toEqual(q);
  });

  it("keeps unknown shots as the literal 'unknown'", () => {
    expect(toCurvesQuery("xwinograd", { shots: "unknown" }).shots).toBe("unknown");
  });

  it("drops invalid parameters instead of failing the page", () => {
    expect(toCurvesQuery("piqa", { x: "banana", shots: "-1", metric: "acc" })).toEqual({ task: "piqa", metric: "acc", x: "params" });
  });
});

describe("checkpoint axis in the URL", () => {
  it("keeps the model only for the checkpoint axis", () => {
    const q = toCurvesQuery("piqa", { x: "checkpoint", model: "pythia-1.4b" });
    expect(toPageSearch(q)).toBe("x=checkpoint&model=pythia-1.4b");
    expect(toPageSearch({ ...q, x: "params" })).toBe("x=params");
  });
});
