"use client";

import { useState } from "react";

/** Copies a value to the clipboard and says whether that worked (it needs a secure context). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) {
      setState("failed");
      return;
    }
    clipboard.writeText(value).then(() => setState("copied"), () => setState("failed"));
  };
  return (
    <>
      <button type="button" className="copy" onClick={copy} aria-label={label}>Copy</button>
      {state === "copied" && <span role="status" className="muted"> copied</span>}
      {state === "failed" && <span role="alert" className="error"> The browser refused the clipboard: the full value is in the tooltip.</span>}
    </>
  );
}
