import { parseModelRows } from "@/lib/registry/parse-model-rows";
import type { ModelEntry } from "@/lib/schemas/registry";

/**
 * The user's `--models FILE.csv`: columns name (model name, alias, or glob with
 * `*` such as `/ckpt/runs/pythia-1.4b*`), family, parameters, tokens, flops
 * (plain numbers or 1.4B / 300M / 2T), optional tokens_per_step, final_step,
 * aliases, flops_estimated, note. Entries extend the registry (extendRegistry).
 */
export function parseModelsCsv(fileName: string, text: string): ModelEntry[] {
  return parseModelRows(fileName, text, `--models ${fileName}`);
}
