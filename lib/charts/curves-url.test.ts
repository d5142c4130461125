import { describe, expect, it } from "vitest";
import { toCurvesQuery, toPageFamilies, toPageSearch } from "./curves-url";

describe("curves URL state", () => {
  it("round-trips a view through the URL", () => {
    const q = toCurvesQuery("lambada_openai", { metric: "ppl", shots: "5", x: "flops" });
    expect(q).toEqual({ task: "lambada_openai", metric: "ppl", shots: 5, x: "flops" });
    const gsm = toCurvesQuery("gsm8k", { metric: "exact_match", filter: "flexible-extract" });
    expect(toPageSearch(gsm)).toBe("metric=exact_match&filter=flexible-extract&x=params");
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

describe("toPageFamilies", () => {
  it("reads families=A,B from a task page's URL, and ignores an empty one", () => {
    expect(toPageFamilies({ families: "Pythia, OPT" })).toEqual(["Pythia", "OPT"]);
    expect(toPageFamilies({ families: [" , "] })).toBeUndefined();
    expect(toPageFamilies({})).toBeUndefined();
  });

  it("round-trips through the page's query string", () => {
    const search = toPageSearch({ task: "t", x: "params" }, ["GPT-Neo/J", "OPT"]);
    expect(search).toBe("x=params&families=GPT-Neo%2FJ%2COPT");
    expect(toPageFamilies(Object.fromEntries(new URLSearchParams(search)))).toEqual(["GPT-Neo/J", "OPT"]);
  });
});
