// The /upload page previews every file of a pick in ONE multipart dry run
// (components/upload/upload-page.tsx): the contract it relies on, against real Postgres.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "./route";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";
import { createUploadResponseSchema, type FilePreview } from "@/lib/schemas/uploads";

afterEach(() => {
  delete process.env.ATLAS_UPLOAD_RATE_PER_MINUTE;
});

function folder(task: string, count: number): FormData {
  const form = new FormData();
  for (let i = 0; i < count; i++) {
    // file 3 holds a value outside acc's bounds: a problem of that file only
    const value = i === 3 ? 1.5 : 0.3 + i / 100;
    const bytes = longCsv([{ model: "pythia-70m", task, metric: "acc", value, shots: i }]);
    form.append("files", new File([bytes as Uint8Array<ArrayBuffer>], `run-${String(i).padStart(2, "0")}.csv`, { type: "text/csv" }));
  }
  return form;
}

async function previewFiles(res: Response): Promise<FilePreview[]> {
  expect(res.status).toBe(200);
  const body = createUploadResponseSchema.parse(await res.json());
  if (!("dryRun" in body)) throw new Error(`expected a dry-run answer, got ${JSON.stringify(body)}`);
  return body.files;
}

describe("POST /api/uploads?dryRun=1 with a folder of files", () => {
  it("answers one preview per file in the order sent, a bad file's problem beside the others' previews, storing nothing", async () => {
    const token = await newToken();
    const task = uniqueName("batch_task");
    const files = await previewFiles(await POST(uploadRequest(folder(task, 40), { token, contentType: null, query: "?dryRun=1" })));
    expect(files.map((f) => f.fileName)).toEqual(Array.from({ length: 40 }, (_, i) => `run-${String(i).padStart(2, "0")}.csv`));
    expect(files[3]).toMatchObject({ ok: false, problems: [expect.stringMatching(/run-03\.csv:2: .*outside its bounds/)] });
    expect(files.filter((f) => f.ok)).toHaveLength(39);
    expect(files[5]).toMatchObject({ ok: true, tasks: [task], shots: [5], inserted: 1, problems: [] });
    expect(await countStored({ task })).toMatchObject({ results: 0 });
  });

  it("counts a batch as one request against the upload rate, however many files it holds", async () => {
    process.env.ATLAS_UPLOAD_RATE_PER_MINUTE = "2";
    const token = await newToken();
    const task = uniqueName("batch_task");
    for (let i = 0; i < 2; i++) {
      expect(await previewFiles(await POST(uploadRequest(folder(task, 5), { token, contentType: null, query: "?dryRun=1" })))).toHaveLength(5);
    }
    const third = await POST(uploadRequest(folder(task, 5), { token, contentType: null, query: "?dryRun=1" }));
    expect(third.status).toBe(429);
  });
});
