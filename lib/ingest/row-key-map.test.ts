import { describe, expect, it } from "vitest";
import { RowKeyMap } from "./row-key-map";

const v = (n: number) => ({ n });

describe("RowKeyMap", () => {
  it("returns the first value claimed under the same group and parts, and stores nothing new then", () => {
    const map = new RowKeyMap<{ n: number }>();
    expect(map.claim("m", "step1", "arc", "acc", 0, "none", v(1))).toBeUndefined();
    expect(map.claim("m", "step1", "arc", "acc", 0, "none", v(2))).toEqual({ n: 1 });
    expect(map.claim("m", "step1", "arc", "acc", 0, "none", v(3))).toEqual({ n: 1 });
  });

  it("keeps tuples apart that differ in any one place, including null against 'null', 5 against '5' and parts swapped", () => {
    const map = new RowKeyMap<{ n: number }>();
    const tuples: [unknown, string | number | null, string | number | null, string | number | null, string | number | null, string | number | null][] = [
      ["m", "a", "b", "c", 5, null],
      ["m", "a", "b", "c", "5", null],
      ["m", "a", "b", "c", 5, "null"],
      ["m", "b", "a", "c", 5, null],
      ["m", null, "b", "c", 5, null],
      ["m2", "a", "b", "c", 5, null],
      ["m", "a", "b", "c", 0, null],
      ["m", "a", "b", "c", 5, "none"],
    ];
    tuples.forEach(([g, a, b, c, d, e], i) => expect(map.claim(g, a, b, c, d, e, v(i))).toBeUndefined());
    tuples.forEach(([g, a, b, c, d, e], i) => expect(map.claim(g, a, b, c, d, e, v(-1))).toEqual({ n: i }));
  });

  it("groups by identity when the group is an object", () => {
    const map = new RowKeyMap<{ n: number }>();
    const one = { revision: "final" };
    const other = { revision: "final" };
    expect(map.claim(one, "t", "m", 0, "none", null, v(1))).toBeUndefined();
    expect(map.claim(other, "t", "m", 0, "none", null, v(2))).toBeUndefined();
    expect(map.claim(one, "t", "m", 0, "none", null, v(3))).toEqual({ n: 1 });
  });

  it("stays exact past 1,024 distinct names in a place (the string fallback) and past the first place's numeric range", () => {
    const map = new RowKeyMap<{ n: number }>();
    for (let i = 0; i < 3000; i++) expect(map.claim("g", "t", `metric-${i}`, 0, `filter-${i % 1500}`, null, v(i))).toBeUndefined();
    for (let i = 0; i < 3000; i++) expect(map.claim("g", "t", `metric-${i}`, 0, `filter-${i % 1500}`, null, v(-1))).toEqual({ n: i });
    // the first place has 13 bits (8,192 numbers) before its keys fall back too
    for (let i = 0; i < 9000; i++) expect(map.claim("h", `task-${i}`, "m", 0, "none", null, v(i))).toBeUndefined();
    expect(map.claim("h", "task-8191", "m", 0, "none", null, v(-1))).toEqual({ n: 8191 });
    expect(map.claim("h", "task-8192", "m", 0, "none", null, v(-1))).toEqual({ n: 8192 });
    expect(map.claim("h", "task-8999", "m", 0, "none", null, v(-1))).toEqual({ n: 8999 });
  });
});
