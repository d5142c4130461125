// Issue 10, row 14: the name rule of lib/schemas/safe-name.ts is the registry's too:
// adding a model, correcting one, adding an alias and an upload's model mapping all
// refuse bidirectional overrides and invisible characters with 422 naming the field.
import { describe, expect, it } from "vitest";
import { POST } from "./route";
import { PATCH } from "./[id]/route";
import { POST as addAlias } from "./[id]/aliases/route";
import { POST as upload } from "../uploads/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { getPool } from "@/lib/db/client";
import { uniqueName } from "@/lib/testing/factories";
import { jsonRequest, makeFamilyCurve } from "@/lib/testing/model-factories";
import { newToken } from "@/lib/testing/upload-requests";

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function expect422(res: Response, field: string, found: RegExp) {
  const body = apiErrorSchema.parse(await res.json());
  expect({ status: res.status, field: body.error.field }).toEqual({ status: 422, field });
  expect(body.error.message).toMatch(found);
}

const modelsNamed = async (name: string) =>
  (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM model WHERE name = $1", [name])).rows[0].n;

describe("the name rule in registry edits", () => {
  it.each([
    ["a right-to-left override in the name", { name: "lab/evil\u202Egnp.exe" }, "name", /right-to-left override \(U\+202E\)/],
    ["a zero-width space in the family", { family: "Py\u200Bthia" }, "family", /zero-width space \(U\+200B\)/],
    ["an isolate in the source", { source: "model card \u2066x\u2069" }, "source", /left-to-right isolate \(U\+2066\)/],
  ])("POST /api/models refuses %s", async (_, override, field, found) => {
    const name = uniqueName("lab/rule");
    const res = await POST(jsonRequest("POST", "/api/models", { name, family: null, parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "s", ...override }, { token: await newToken() }));
    await expect422(res, field, found);
    expect(await modelsNamed(name)).toBe(0);
  });

  it("PATCH refuses a reason with a zero-width joiner; an alias with a right-to-left mark is refused too", async () => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    const id = models[0].id;
    await expect422(await PATCH(jsonRequest("PATCH", `/api/models/${id}`, { parameters: 2e9, reason: "card\u200D" }, { token }), params(id)), "reason", /zero-width joiner/);
    const alias = uniqueName("alias");
    await expect422(await addAlias(jsonRequest("POST", `/api/models/${id}/aliases`, { alias: `${alias}\u200F` }, { token }), params(id)), "alias", /right-to-left mark \(U\+200F\)/);
    const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM model_alias WHERE alias LIKE $1", [`${alias}%`]);
    expect(rows[0].n).toBe(0);
  });

  it("an upload's model mapping refuses a hidden character, naming the mapping's field", async () => {
    const form = new FormData();
    form.append("file", new File([`model,task,metric,value\nlab/x,${uniqueName("t")},acc,0.5\n`], "a.csv", { type: "text/csv" }));
    form.append("models", JSON.stringify([{ kind: "alias", name: "lab/x", model: "pythia\u202E-70m" }]));
    const res = await upload(new Request("http://atlas.test/api/uploads", { method: "POST", body: form, headers: { authorization: `Bearer ${await newToken()}` } }));
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/^models\.0\.model: .*right-to-left override/);
  });
});
