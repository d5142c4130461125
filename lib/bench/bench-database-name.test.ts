import { describe, expect, it } from "vitest";
import { toBenchDatabaseName } from "./bench-database-name";

describe("toBenchDatabaseName", () => {
  it("accepts disposable databases", () => {
    expect(toBenchDatabaseName("postgresql://postgres@127.0.0.1:5432/atlas_bench")).toBe("atlas_bench");
    expect(toBenchDatabaseName("postgres://u:p@host/atlas_test?sslmode=disable")).toBe("atlas_test");
  });

  it.each([
    [undefined, /not set/],
    ["", /not set/],
    ["not a url", /not a valid URL/],
    ["mysql://host/atlas_bench", /postgres/],
    ["postgresql://postgres@127.0.0.1:5432/atlas_dev", /refusing.*atlas_dev/],
    ["postgresql://postgres@127.0.0.1:5432/bench_atlas", /refusing/],
  ])("refuses %s", (url, message) => {
    expect(() => toBenchDatabaseName(url)).toThrow(message);
  });
});
