// Issue 10, row 8: a control character (%00 above all) in any read parameter is the caller's 400, naming the parameter.
import { describe, expect, it } from "vitest";
import { GET as analysis } from "./analysis/route";
import { GET as comparison } from "./comparison/route";
import { GET as curves } from "./curves/route";
import { GET as figure } from "./figures/[file]/route";
import { GET as health } from "./health/route";
import { GET as items } from "./items/route";
import { GET as model } from "./models/[id]/route";
import { GET as checkpoints } from "./models/[id]/checkpoints/route";
import { GET as models } from "./models/route";
import { GET as overview } from "./overview/route";
import { GET as tasks } from "./tasks/route";
import { GET as upload } from "./uploads/[id]/route";
import { GET as uploads } from "./uploads/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

const get = (handler: Handler, path: string, params?: Record<string, string>) =>
  handler(new Request(`http://127.0.0.1${path}`), params ? { params: Promise.resolve(params) } : undefined);

describe("a control character in a read parameter", () => {
  it.each<[string, Handler, string, Record<string, string> | undefined, string]>([
    ["curves task", curves, "/api/curves?task=%00", undefined, "task"],
    ["curves metric", curves, "/api/curves?task=lambada_openai&metric=acc%00", undefined, "metric"],
    ["curves model", curves, "/api/curves?task=lambada_openai&x=checkpoint&model=pythia%00", undefined, "model"],
    ["analysis task", analysis, "/api/analysis?task=a%00b", undefined, "task"],
    ["comparison metrics", comparison, "/api/comparison?task=lambada_openai&metrics=acc,%00", undefined, "metrics"],
    ["comparison filter", comparison, "/api/comparison?task=lambada_openai&filter=%00", undefined, "filter"],
    ["items family", items, "/api/items?task=lambada_openai&family=Pythia%00", undefined, "family"],
    ["overview q", overview, "/api/overview?q=%00", undefined, "q"],
    ["overview family", overview, "/api/overview?family=OPT%00", undefined, "family"],
    ["overview suite", overview, "/api/overview?suite=%00", undefined, "suite"],
    ["overview metric", overview, "/api/overview?metric=%0A", undefined, "metric"],
    ["figure task (path)", figure, "/api/figures/a%00b.svg", { file: "a\u0000b.svg" }, "file"],
    ["figure families", figure, "/api/figures/lambada_openai.svg?families=Pythia,%00", { file: "lambada_openai.svg" }, "families"],
    ["an unknown parameter", tasks, "/api/tasks?junk=%00", undefined, "junk"],
    ["health", health, "/api/health?x=%00", undefined, "x"],
    ["models", models, "/api/models?q=%00", undefined, "q"],
    ["model id (path)", model, "/api/models/%00", { id: "\u0000" }, "id"],
    ["checkpoints id (path)", checkpoints, "/api/models/1%00/checkpoints", { id: "1\u0000" }, "id"],
    ["uploads limit", uploads, "/api/uploads?limit=%00", undefined, "limit"],
    ["upload id (path)", upload, "/api/uploads/%00", { id: "\u0000" }, "id"],
  ])("%s -> 400 naming the parameter", async (_, handler, path, params, field) => {
    const res = await get(handler, path, params);
    expect(res.status).toBe(400);
    const { error } = apiErrorSchema.parse(await res.json());
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field}: must not contain control characters \\(found U\\+00(00|0A)\\)$`));
  });
});
