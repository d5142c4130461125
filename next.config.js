import { readEnv } from "./lib/env.js";

// Fail the build (and `next start`) on a bad environment rather than at the first request.
readEnv();

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: [
    "pg", "pg-boss", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket",
    // native binding (resvg) and libraries that read their own data files at run time (pdfkit's fonts)
    "@resvg/resvg-js", "pdfkit", "svg-to-pdfkit",
  ],
};

export default nextConfig;
