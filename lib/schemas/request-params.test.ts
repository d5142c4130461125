import { describe, expect, it } from "vitest";
import { pathParamsSchema, queryParamsSchema } from "./request-params";

describe("request parameters", () => {
  it("passes ordinary text, including non-ASCII names", () => {
    expect(queryParamsSchema.parse({ task: "arithmetic_3da", q: "größe · 算术", family: "GPT-Neo/J" })).toEqual({
      task: "arithmetic_3da", q: "größe · 算术", family: "GPT-Neo/J",
    });
  });

  it.each([
    ["NUL", "a\u0000b", "U+0000"],
    ["a newline", "a\nb", "U+000A"],
    ["DEL", "\u007f", "U+007F"],
    ["a C1 control", "x\u0085", "U+0085"],
  ])("refuses %s, naming the parameter and the character", (_, value, code) => {
    const result = queryParamsSchema.safeParse({ metric: "acc", family: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["family"]);
    expect(result.error!.issues[0].message).toContain(code);
  });

  it("checks path segments, catch-all arrays included", () => {
    expect(pathParamsSchema.safeParse({ file: "a\u0000.svg" }).error!.issues[0].path).toEqual(["file"]);
    expect(pathParamsSchema.safeParse({ parts: ["ok", "b\u0000"] }).error!.issues[0].path).toEqual(["parts", 1]);
    expect(pathParamsSchema.parse({ id: "42" })).toEqual({ id: "42" });
  });
});
