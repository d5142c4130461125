import type { Metadata } from "next";
import { UploadPage } from "@/components/upload/upload-page";

export const metadata: Metadata = { title: "Upload results · Emergence Atlas" };

export default function Upload() {
  return (
    <>
      <h1>Upload results</h1>
      <p className="muted">
        lm-evaluation-harness JSON (v0.3 or v0.4+) and CSV (long: model, task, metric, value; or wide, as ObsScaling). Each file is
        previewed before anything is stored; each is stored in one transaction, and the same file twice is recognised.
      </p>
      <UploadPage />
    </>
  );
}
