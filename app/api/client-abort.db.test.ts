// Issue 10, row 16: a client that disconnects after sending the body gets nothing committed, and the log says so.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as upload } from "./uploads/route";
import { DELETE as deleteUpload } from "./uploads/[id]/route";
import { PATCH as correctModel } from "./models/[id]/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { getPool } from "@/lib/db/client";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { jsonRequest, makeFamilyCurve } from "@/lib/testing/model-factories";
import { countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";

const warn = vi.spyOn(console, "warn");
afterEach(() => warn.mockClear());

async function expectAborted(res: Response) {
  expect(res.status).toBe(499);
  expect(apiErrorSchema.parse(await res.json()).error.code).toBe("client_aborted");
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^client aborted/));
}

describe("a client that goes away before the commit", () => {
  it("POST /api/uploads: the whole body arrived, then the client left: rolled back, logged as a client abort", async () => {
    const token = await newToken();
    const task = uniqueName("abort_task");
    const bytes = longCsv([{ model: "pythia-70m", task, metric: "acc", value: 0.5 }, { model: "pythia-160m", task, metric: "acc", value: 0.6 }]);
    const client = new AbortController();
    // the last chunk arrives, the stream ends, and the connection closes straight after
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes);
        controller.close();
        client.abort();
      },
    });
    const request = uploadRequest(body, { token });
    const res = await upload(new Request(request, { signal: client.signal, duplex: "half" } as RequestInit));
    await expectAborted(res);
    expect(await countStored({ task })).toEqual({ results: 0, uploads: 0 });
    // the same upload from a client that stays is stored
    expect((await upload(uploadRequest(bytes, { token }))).status).toBe(201);
    expect(await countStored({ task })).toMatchObject({ results: 2 });
  });

  it("DELETE /api/uploads/:id: the upload stays", async () => {
    const token = await newToken();
    const task = uniqueName("abort_task");
    const made = createUploadResponseSchema.parse(await (await upload(uploadRequest(longCsv([{ model: "pythia-70m", task, metric: "acc", value: 0.5 }]), { token }))).json());
    const id = (made as { uploadId: number }).uploadId;
    const gone = AbortSignal.abort();
    const res = await deleteUpload(
      new Request(`http://atlas.test/api/uploads/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` }, signal: gone }),
      { params: Promise.resolve({ id: String(id) }) },
    );
    await expectAborted(res);
    expect(await countStored({ task })).toMatchObject({ results: 1, uploads: 0 });
    const { rows } = await getPool().query("SELECT 1 FROM upload WHERE id = $1", [id]);
    expect(rows).toHaveLength(1);
  });

  it("PATCH /api/models/:id: the correction is not stored", async () => {
    const curve = await makeFamilyCurve();
    const target = curve.models[0];
    const request = jsonRequest("PATCH", `/api/models/${target.id}`, { parameters: 9.9e7, reason: "recount" }, { token: await newToken() });
    const res = await correctModel(new Request(request, { signal: AbortSignal.abort() }), { params: Promise.resolve({ id: String(target.id) }) });
    await expectAborted(res);
    const { rows } = await getPool().query<{ parameters: number }>("SELECT parameters FROM model WHERE id = $1", [target.id]);
    expect(rows[0].parameters).toBe(target.parameters);
  });
});
