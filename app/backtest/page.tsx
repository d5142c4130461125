import type { Metadata } from "next";
import { MarkdownDoc } from "@/components/markdown-doc";

export const metadata: Metadata = { title: "Backtest of the forecasts · Emergence Atlas" };

/** docs/backtest.md, written by `npm run backtest`: how well the smaller models forecast the larger, per task and form. */
export default function BacktestPage() {
  return <MarkdownDoc file="backtest.md" links={{ "verdicts.md": "/verdicts", "calibration.md": "/calibration" }} />;
}
