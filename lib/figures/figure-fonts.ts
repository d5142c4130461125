import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env.js";

/** Where distributions put DejaVu Sans: Debian/Ubuntu (fonts-dejavu-core), Fedora, Arch, Alpine. */
const FONT_DIRS = [
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/dejavu-sans-fonts",
  "/usr/share/fonts/TTF",
  "/usr/share/fonts/dejavu",
];

export class MissingFontError extends Error {
  constructor(dirs: string[]) {
    super(
      `DejaVu Sans (DejaVuSans.ttf) was not found in ${dirs.join(", ")}: figures are rendered with it. ` +
        "Install it: `apt-get install fonts-dejavu-core` (Debian/Ubuntu), `dnf install dejavu-sans-fonts` (Fedora), " +
        "or set ATLAS_FONT_DIR to a folder holding DejaVuSans.ttf.",
    );
    this.name = "MissingFontError";
  }
}

/** The folder and file of DejaVu Sans; ATLAS_FONT_DIR first when set. */
export function findFigureFont(): { dir: string; file: string } {
  const dirs = [readEnv().ATLAS_FONT_DIR, ...FONT_DIRS].filter((d): d is string => Boolean(d));
  const dir = dirs.find((d) => existsSync(path.join(d, "DejaVuSans.ttf")));
  if (!dir) throw new MissingFontError(dirs);
  return { dir, file: path.join(dir, "DejaVuSans.ttf") };
}
