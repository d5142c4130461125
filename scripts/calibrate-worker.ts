// One worker thread of `npm run calibrate`: runs its share of the calibration cells and posts the counts back.
import { parentPort, workerData } from "node:worker_threads";
import { runCell, type CalibrationCell } from "@/lib/emergence/calibration/run-calibration";

const { cells, reps, seed } = workerData as { cells: CalibrationCell[]; reps: number; seed: number };
parentPort?.postMessage(cells.map((cell) => runCell(cell, reps, seed)));
