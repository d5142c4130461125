import type { Metadata } from "next";
import { MarkdownDoc } from "@/components/markdown-doc";

export const metadata: Metadata = { title: "Calibration of the verdicts · Emergence Atlas" };

/** docs/calibration.md, written by `npm run calibrate`: how often each verdict is wrong, by simulation. */
export default function CalibrationPage() {
  return <MarkdownDoc file="calibration.md" links={{ "verdicts.md": "/verdicts" }} />;
}
