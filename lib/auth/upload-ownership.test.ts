import { describe, expect, it } from "vitest";
import { toDeleteRefusal } from "./upload-ownership";

const token = (id: number, admin = false) => ({ id, admin });

describe("toDeleteRefusal", () => {
  it("lets the token that made an upload delete it, and an admin token delete any", () => {
    expect(toDeleteRefusal(7, 1, token(1))).toBeNull();
    expect(toDeleteRefusal(7, 1, token(2, true))).toBeNull();
    expect(toDeleteRefusal(7, null, token(2, true))).toBeNull();
  });

  it("refuses another token with a 403 saying who may", () => {
    const refusal = toDeleteRefusal(7, 1, token(2));
    expect([refusal?.status, refusal?.code]).toEqual([403, "not_owner"]);
    expect(refusal?.message).toBe("upload 7 was made by another token; only the token that made it or an admin token may delete it (npm run token -- create NAME --admin)");
  });

  it("leaves an upload without a token (CLI, demo seed) to admin tokens", () => {
    expect(toDeleteRefusal(8, null, token(2))?.message).toMatch(/^upload 8 was made by the command line or the demo seed; only an admin token may delete it/);
  });
});
