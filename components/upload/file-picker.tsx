"use client";

import { useState, type DragEvent } from "react";
import { readDroppedFiles, readInputFiles, type DroppedFile } from "./read-dropped-files";

/** Drop zone plus two pickers (files, a folder); hands every file on, with its path. */
export function FilePicker({ onFiles, disabled }: { onFiles: (files: DroppedFile[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const drop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    try {
      onFiles(await readDroppedFiles(e.dataTransfer));
      setError(null);
    } catch (err) {
      setError(`Could not read the dropped files: ${(err as Error).message}`);
    }
  };
  return (
    <section aria-label="Files to upload">
      <div
        className={over ? "drop-zone drop-zone-over" : "drop-zone"}
        role="group"
        aria-label="Drop zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop results files (lm-evaluation-harness JSON and samples JSONL, Inspect .eval or JSON logs, Every Eval Ever, OpenCompass or other CSV), or a folder of them, here.</p>
        <p className="picker-buttons">
          <label className="picker">
            Choose files
            <input
              type="file"
              multiple
              accept=".json,.csv,.jsonl,.eval,application/json,text/csv"
              disabled={disabled}
              onChange={(e) => {
                onFiles(readInputFiles(e.target.files, false));
                e.target.value = "";
              }}
            />
          </label>
          <label className="picker">
            Choose a folder
            <input
              type="file"
              multiple
              disabled={disabled}
              ref={(el) => {
                if (el) el.webkitdirectory = true;
              }}
              onChange={(e) => {
                onFiles(readInputFiles(e.target.files, true));
                e.target.value = "";
              }}
            />
          </label>
        </p>
        <p className="muted">From a folder only .json, .csv, .jsonl and .eval files are taken. Nothing is stored until you commit.</p>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
