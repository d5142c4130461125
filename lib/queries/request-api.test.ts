import { describe, expect, it } from "vitest";
import { ApiRequestError, toApiRequestError } from "@/lib/queries/request-api";

describe("toApiRequestError", () => {
  it("carries the API's own message and the status", () => {
    const err = toApiRequestError(401, { error: { code: "unauthorized", message: "unknown API token" } });
    expect(err).toBeInstanceOf(ApiRequestError);
    expect([err.status, err.message]).toEqual([401, "unknown API token"]);
  });

  it("names the status when the body is not the API's error (a proxy's HTML page, nothing at all)", () => {
    expect(toApiRequestError(502, null).message).toBe("the server answered HTTP 502");
    expect(toApiRequestError(500, { message: "x" }).message).toBe("the server answered HTTP 500");
  });
});
