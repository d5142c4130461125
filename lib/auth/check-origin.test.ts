import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { checkOrigin, toAllowedOrigins, toOrigin } from "./check-origin";

const post = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/uploads") => new Request(url, { method: "POST", headers });
const DEFAULTS = { ATLAS_ALLOWED_ORIGINS: "", HOST: "127.0.0.1", PORT: 3000 };

describe("toAllowedOrigins", () => {
  it("defaults to the listen address and its loopback names", () => {
    expect(toAllowedOrigins(DEFAULTS)).toEqual(["http://127.0.0.1:3000", "http://localhost:3000"]);
    expect(toAllowedOrigins({ ...DEFAULTS, HOST: "atlas.lan", PORT: 8080 })).toEqual([
      "http://atlas.lan:8080", "http://127.0.0.1:8080", "http://localhost:8080",
    ]);
    expect(toAllowedOrigins({ ...DEFAULTS, HOST: "::1" })[0]).toBe("http://[::1]:3000");
  });

  it("takes ATLAS_PUBLIC_ORIGIN instead of the defaults, canonical, plus ATLAS_ALLOWED_ORIGINS", () => {
    expect(toAllowedOrigins({ ...DEFAULTS, ATLAS_PUBLIC_ORIGIN: "https://Atlas.Example.org/, https://atlas.example.org:443", ATLAS_ALLOWED_ORIGINS: "https://lab.example" })).toEqual([
      "https://atlas.example.org", "https://lab.example",
    ]);
  });
});

describe("toOrigin", () => {
  it.each([
    ["https://a.example", "https://a.example"],
    ["HTTP://A.EXAMPLE:80", "http://a.example"],
    ["https://a.example/path", null],
    ["javascript:alert(1)", null],
    ["null", null],
    ["", null],
  ])("%j -> %j", (text, origin) => {
    expect(toOrigin(text)).toBe(origin);
  });
});

describe("checkOrigin", () => {
  const allowed = toAllowedOrigins({ ...DEFAULTS, ATLAS_ALLOWED_ORIGINS: "https://proxy.example" });

  it.each([
    ["no Origin (a script)", {}],
    ["the listen address", { origin: "http://127.0.0.1:3000" }],
    ["its localhost name", { origin: "http://localhost:3000" }],
    ["an allowed other site", { origin: "https://proxy.example" }],
    ["a same-origin browser request", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }],
  ])("lets %s through", (_, headers) => {
    expect(() => checkOrigin(post(headers), allowed)).not.toThrow();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["a foreign origin that the Host header and URL repeat", { origin: "http://evil.example", host: "evil.example" }, "http://evil.example/api/uploads"],
    ["the right host under another scheme", { origin: "https://127.0.0.1:3000" }],
    ["the right host on another port", { origin: "http://127.0.0.1:3001" }],
    ["a null origin", { origin: "null" }],
    ["an origin that is not one", { origin: "not a url" }],
    ["a cross-site fetch without Origin", { "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403 naming where the app is served", (_, headers, url?: string) => {
    let caught: unknown;
    try {
      checkOrigin(post(headers, url), allowed);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(403);
    expect((caught as AppError).message).toMatch(/may not write: this app is served at http:\/\/127\.0\.0\.1:3000, http:\/\/localhost:3000, https:\/\/proxy\.example \(ATLAS_PUBLIC_ORIGIN\)/);
  });
});
