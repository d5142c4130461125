// npm run generate:leaderboard -- DIR [--files N (5000)] [--seed S (1)]
// Writes a leaderboard folder of lm-eval results files (lib/bench/generate-leaderboard.ts):
// base ladders (Pythia, Qwen2.5, SmolLM) among fine-tunes and merges, one folder per model.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { generateLeaderboard } from "@/lib/bench/generate-leaderboard";

const USAGE = "usage: npm run generate:leaderboard -- DIR [--files N (5000)] [--seed S (1)]";
const argsSchema = z.object({
  dir: z.string().min(1, "give the folder to write"),
  files: z.coerce.number().int().min(1).max(100_000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1),
});

let args: z.infer<typeof argsSchema>;
try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: "string", default: "5000" }, seed: { type: "string", default: "1" } } });
  args = argsSchema.parse({ dir: positionals[0] ?? "", files: values.files, seed: values.seed });
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : String(err);
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}

let bytes = 0;
for (const file of generateLeaderboard({ files: args.files, seed: args.seed })) {
  const target = path.join(args.dir, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.text);
  bytes += Buffer.byteLength(file.text);
}
console.log(JSON.stringify({ dir: args.dir, files: args.files, seed: args.seed, bytes }));
