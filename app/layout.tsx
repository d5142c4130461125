import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Emergence Atlas",
  description: "Where abilities of language models appear abruptly with scale, and where they grow smoothly.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">Emergence Atlas</Link>
          <nav aria-label="Main">
            <Link href="/">Overview</Link>
            <Link href="/tasks">Tasks</Link>
            <Link href="/models">Models</Link>
            <Link href="/upload">Upload</Link>
            <Link href="/uploads">Uploads</Link>
            <Link href="/verdicts">Verdicts</Link>
            <Link href="/audit">Audit</Link>
            <Link href="/backtest">Backtest</Link>
            <Link href="/status">Status</Link>
          </nav>
        </header>
        <main>
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
