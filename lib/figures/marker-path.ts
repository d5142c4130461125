import type { MarkerShape } from "@/lib/charts/palette";

const r2 = (v: number) => Math.round(v * 100) / 100;

function polygon(cx: number, cy: number, points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r2(cx + x)} ${r2(cy + y)}`).join(" ") + " Z";
}

function star(r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r * 1.3 : r * 0.55;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

/** The three-armed "wye" of d3-shape's symbolWye, so exported markers match the page's. */
function wye(r: number): [number, number][] {
  const c = -0.5, s = Math.sqrt(3) / 2, k = 1 / Math.sqrt(12);
  const x0 = r / 2, y0 = r * k, x1 = x0, y1 = r * k + r, x2 = -x1, y2 = y1;
  return [
    [x0, y0], [x1, y1], [x2, y2],
    [c * x0 - s * y0, s * x0 + c * y0], [c * x1 - s * y1, s * x1 + c * y1], [c * x2 - s * y2, s * x2 + c * y2],
    [c * x0 + s * y0, c * y0 - s * x0], [c * x1 + s * y1, c * y1 - s * x1], [c * x2 + s * y2, c * y2 - s * x2],
  ];
}

function cross(r: number): [number, number][] {
  const t = r * 0.38;
  return [[-t, -r], [t, -r], [t, -t], [r, -t], [r, t], [t, t], [t, r], [-t, r], [-t, t], [-r, t], [-r, -t], [-t, -t]];
}

/** SVG path data of one marker centred at (cx, cy) with radius r, in the page's shape per family. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${r2(cx - r)} ${r2(cy)} a${r2(r)} ${r2(r)} 0 1 0 ${r2(2 * r)} 0 a${r2(r)} ${r2(r)} 0 1 0 ${r2(-2 * r)} 0 Z`;
    case "square":
      return polygon(cx, cy, [[-r * 0.9, -r * 0.9], [r * 0.9, -r * 0.9], [r * 0.9, r * 0.9], [-r * 0.9, r * 0.9]]);
    case "triangle":
      return polygon(cx, cy, [[0, -r * 1.2], [r * 1.1, r * 0.7], [-r * 1.1, r * 0.7]]);
    case "diamond":
      return polygon(cx, cy, [[0, -r * 1.3], [r * 0.9, 0], [0, r * 1.3], [-r * 0.9, 0]]);
    case "cross":
      return polygon(cx, cy, cross(r * 1.1));
    case "star":
      return polygon(cx, cy, star(r));
    case "wye":
      return polygon(cx, cy, wye(r * 0.9));
  }
}
