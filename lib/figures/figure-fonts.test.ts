import { afterEach, describe, expect, it, vi } from "vitest";
import { findFigureFont, MissingFontError } from "./figure-fonts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("findFigureFont", () => {
  it("finds DejaVu Sans where Debian's fonts-dejavu-core puts it", () => {
    expect(findFigureFont().file).toMatch(/DejaVuSans\.ttf$/);
  });

  it("prefers ATLAS_FONT_DIR, and without the font names the package to install", () => {
    vi.stubEnv("ATLAS_FONT_DIR", "/nonexistent-fonts");
    const error = new MissingFontError(["/nonexistent-fonts"]);
    expect(error.message).toMatch(/apt-get install fonts-dejavu-core/);
    expect(error.message).toContain("/nonexistent-fonts");
    // the system folder is still searched after the configured one
    expect(findFigureFont().dir).not.toBe("/nonexistent-fonts");
  });
});
