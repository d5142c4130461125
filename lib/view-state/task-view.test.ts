import { describe, expect, it } from "vitest";
import { readTaskView, readTaskFamilies, toTaskSearch } from "./task-view";

describe("curves URL state", () => {
  it("round-trips a view through the URL", () => {
    const q = readTaskView("lambada_openai", { metric: "ppl", shots: "5", x: "flops" });
    expect(q).toEqual({ task: "lambada_openai", metric: "ppl", shots: 5, x: "flops" });
    const gsm = readTaskView("gsm8k", { metric: "exact_match", filter: "flexible-extract" });
    expect(toTaskSearch(gsm)).toBe("metric=exact_match&filter=flexible-extract&x=params");
    const again = readTaskView("lambada_openai", Object.fromEntries(new URLSearchParams(toTaskSearch(q))));
    expect(again).toEqual(q);
  });

  it("keeps unknown shots as the literal 'unknown'", () => {
    expect(readTaskView("xwinograd", { shots: "unknown" }).shots).toBe("unknown");
  });

  it("drops invalid parameters instead of failing the page", () => {
    expect(readTaskView("piqa", { x: "banana", shots: "-1", metric: "acc" })).toEqual({ task: "piqa", metric: "acc", x: "params" });
  });
});

describe("checkpoint axis in the URL", () => {
  it("keeps the model only for the checkpoint axis", () => {
    const q = readTaskView("piqa", { x: "checkpoint", model: "pythia-1.4b" });
    expect(toTaskSearch(q)).toBe("x=checkpoint&model=pythia-1.4b");
    expect(toTaskSearch({ ...q, x: "params" })).toBe("x=params");
  });
});

describe("readTaskFamilies", () => {
  it("reads families=A,B from a task page's URL, and ignores an empty one", () => {
    expect(readTaskFamilies({ families: "Pythia, OPT" })).toEqual(["Pythia", "OPT"]);
    expect(readTaskFamilies({ families: [" , "] })).toBeUndefined();
    expect(readTaskFamilies({})).toBeUndefined();
  });

  it("round-trips through the page's query string", () => {
    const search = toTaskSearch({ task: "t", x: "params" }, ["GPT-Neo/J", "OPT"]);
    expect(search).toBe("x=params&families=GPT-Neo%2FJ%2COPT");
    expect(readTaskFamilies(Object.fromEntries(new URLSearchParams(search)))).toEqual(["GPT-Neo/J", "OPT"]);
  });
});
