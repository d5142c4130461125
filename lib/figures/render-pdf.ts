import "server-only";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { findFigureFont } from "./figure-fonts";
import { FIGURE_FONT } from "./render-figure-svg";
import type { Figure } from "./figure-types";

/**
 * A one-page vector PDF of the figure's SVG, page size = figure size. DejaVu Sans
 * is embedded, so labels stay selectable text; the title, caption and citation
 * go into the document information dictionary.
 */
export async function renderPdf(svg: string, size: { width: number; height: number }, figure: Figure): Promise<Uint8Array> {
  const font = findFigureFont();
  const width = size.width * 72;
  const height = size.height * 72;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: figure.title,
      Subject: figure.caption,
      Keywords: `emergence; scaling; ${figure.chart.yLabel}; ${figure.provenance.reproduce}`,
      Creator: "Emergence Atlas",
      // the citation block, as a custom entry of the information dictionary (PDF 32000-1 §14.3.3)
      Citation: figure.citation,
    } as PDFKit.DocumentInfo,
  });
  doc.registerFont(FIGURE_FONT, font.file);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  SVGtoPDF(doc, svg, 0, 0, { width, height, assumePt: true, fontCallback: () => FIGURE_FONT });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
