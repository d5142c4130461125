"use client";

import { useEffect, useRef } from "react";
import type { FlipMapDrawing } from "@/lib/charts/prepare-flip-map";
import { FLIP_MAP_SIZE } from "@/lib/charts/prepare-flip-map";

/** Draws a prepared flip map on a canvas: cells, the worse-with-scale margin marks, step boundaries and size labels. */
export function FlipMapCanvas({ drawing }: { drawing: FlipMapDrawing }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = drawing.width * ratio;
    canvas.height = drawing.height * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, drawing.width, drawing.height);
    for (const row of drawing.rows) {
      row.cells.forEach((fill, i) => {
        context.fillStyle = fill;
        context.fillRect(drawing.columns[i].x, row.y, drawing.columns[i].width, row.height);
      });
      if (row.worse) {
        context.fillStyle = "#c0392b";
        context.fillRect(FLIP_MAP_SIZE.margin - 6, row.y, 4, row.height);
      }
    }
    for (const step of drawing.steps) {
      context.fillStyle = step.significant ? (step.up ? "#c0392b" : "#8e44ad") : "#ffffff";
      context.fillRect(step.x - (step.significant ? 1.5 : 0.5), 0, step.significant ? 3 : 1, FLIP_MAP_SIZE.height);
    }
    context.fillStyle = "#333333";
    context.font = "12px system-ui, sans-serif";
    context.textAlign = "center";
    for (const column of drawing.columns) context.fillText(column.label, column.x + column.width / 2, FLIP_MAP_SIZE.height + 18);
  }, [drawing]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={drawing.ariaLabel}
      data-testid="flip-map"
      style={{ width: drawing.width, height: drawing.height }}
    />
  );
}
