import { describe, expect, it } from "vitest";
import { ROUTES } from "./route-catalog";
import { toOpenApi } from "./to-openapi";

describe("toOpenApi", () => {
  const doc = toOpenApi(ROUTES, "test");

  it("describes every route with its query parameters and response schemas", () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/analysis", "/api/audit", "/api/comparison", "/api/curves", "/api/figures/{file}", "/api/forecast", "/api/health", "/api/items", "/api/loss", "/api/models", "/api/models/{id}", "/api/models/{id}/aliases",
      "/api/models/{id}/checkpoints", "/api/models/{id}/family", "/api/overview", "/api/pooled", "/api/tasks", "/api/uploads", "/api/uploads/{id}",
    ]);
    const curves = doc.paths["/api/curves"].get as { parameters: { name: string; required: boolean }[]; responses: Record<string, unknown> };
    expect(curves.parameters.map((p) => [p.name, p.required])).toEqual([
      ["task", true], ["metric", false], ["shots", false], ["filter", false], ["x", false], ["model", false],
    ]);
    expect(Object.keys(curves.responses)).toEqual(["200", "400", "404", "503"]);
  });

  it("describes figure downloads by their media types, with the page's parameters plus the drawing options", () => {
    const figures = doc.paths["/api/figures/{file}"].get as { parameters: { name: string; in: string }[]; responses: Record<string, { content: Record<string, unknown> }> };
    expect(figures.parameters.map((p) => p.name)).toEqual(["file", "metric", "shots", "filter", "x", "model", "families", "preset", "width", "height", "font", "dpi"]);
    expect(Object.keys(figures.responses["200"].content)).toEqual(["image/svg+xml", "image/png", "application/pdf", "text/csv", "application/json", "text/plain"]);
    expect(Object.keys(figures.responses)).toEqual(["200", "400", "404", "422", "503"]);
  });

  it("marks writes as needing a bearer token and names their body types", () => {
    const post = doc.paths["/api/uploads"].post as { security: unknown; requestBody: { content: Record<string, unknown> } };
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(post.requestBody.content)).toEqual(["application/json", "text/csv", "multipart/form-data"]);
    const del = doc.paths["/api/uploads/{id}"].delete as { parameters: { name: string; in: string }[] };
    expect(del.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path" }));
  });

  it("documents the registry edits' JSON bodies from the schemas they are validated with", () => {
    const patch = doc.paths["/api/models/{id}"].patch as { security: unknown; requestBody: { content: Record<string, { schema: { required?: string[]; properties: Record<string, unknown> } }> } };
    expect(patch.security).toEqual([{ bearer: [] }]);
    const body = patch.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties).sort()).toEqual(["parameters", "reason", "trainingFlops", "trainingTokens"]);
    expect(body.required).toEqual(["reason"]);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
