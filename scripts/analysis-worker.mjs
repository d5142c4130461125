// The analysis thread's entry: worker threads do not inherit tsx's loader, so register it,
// then run the TypeScript worker (lib/emergence through scripts/analysis-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./analysis-worker.ts");
