import type { Metadata } from "next";
import { MarkdownDoc } from "@/components/markdown-doc";

export const metadata: Metadata = { title: "What a verdict claims · Emergence Atlas" };

/** docs/verdicts.md: every verdict's claim and its parameters. Verdict badges link here (/verdicts#abrupt). */
export default function VerdictsPage() {
  return <MarkdownDoc file="verdicts.md" links={{ "calibration.md": "/calibration" }} />;
}
