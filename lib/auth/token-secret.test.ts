import { describe, expect, it } from "vitest";
import { generateToken, hashToken, sameHash, tokenPrefix } from "./token-secret";

describe("token secrets", () => {
  it("makes distinct 256-bit tokens whose prefix reveals only the first characters", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(tokenPrefix(a)).toBe(a.slice(0, 12));
  });

  it("compares hashes, not tokens", () => {
    const t = generateToken();
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hashToken(t), hashToken(t))).toBe(true);
    expect(sameHash(hashToken(t), hashToken(generateToken()))).toBe(false);
    expect(sameHash(hashToken(t), "")).toBe(false);
  });
});
