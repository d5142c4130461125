import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { checkOrigin } from "./check-origin";

const post = (headers: Record<string, string>) => new Request("http://atlas.local/api/uploads", { method: "POST", headers });

describe("checkOrigin", () => {
  it.each([
    ["no Origin (a script)", {}],
    ["the app's own origin", { origin: "http://atlas.local" }],
    ["an allowed origin", { origin: "https://proxy.example" }],
    ["the origin the Host header names (next start reports localhost in the URL)", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }],
  ])("lets %s through", (_, headers) => {
    expect(() => checkOrigin(post(headers), ["https://proxy.example"])).not.toThrow();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["a null origin", { origin: "null" }],
    ["a foreign origin naming the Host under another scheme", { origin: "https://atlas.local:80", host: "atlas.local:80" }],
    ["a foreign origin with another Host", { origin: "https://evil.example", host: "atlas.local" }],
    ["a cross-site fetch without Origin", { "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403", (_, headers) => {
    expect(() => checkOrigin(post(headers))).toThrow(AppError);
    try {
      checkOrigin(post(headers));
    } catch (err) {
      expect((err as AppError).status).toBe(403);
    }
  });
});
