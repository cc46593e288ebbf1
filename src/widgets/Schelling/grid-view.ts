/**
 * Draws the grid on a canvas, crisp at any devicePixelRatio: small grids cell
 * by cell (desks, shapes, the last move, unhappy students, the keyboard
 * cursor), big grids as one image scaled without smoothing.
 */
import type { MoveEvent } from "@/lib/schelling/index";

export interface Palette {
  /** One CSS colour per group, group 1 first. */
  groups: string[];
  background: string;
  empty: string;
  border: string;
  foreground: string;
  focus: string;
}

export interface GridPicture {
  width: number;
  height: number;
  cells: Uint8Array;
  shapes: boolean;
  /** Desks: empty seats drawn as outlined desks, with gaps between cells. */
  desks: boolean;
  lastMove: MoveEvent | null;
  unhappy: Int32Array | null;
  /** The keyboard cursor and the picked-up student, or −1. */
  cursor: number;
  selected: number;
}

/** Cells smaller than this (in device pixels) are drawn as an image. */
const VECTOR_MIN_CELL = 4;

function rgb(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const n = Number.parseInt(hex[1] as string, 16);
    return [n >> 16, (n >> 8) & 0xff, n & 0xff];
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  if (short)
    return [1, 2, 3].map((i) => Number.parseInt((short[i] as string).repeat(2), 16)) as [
      number,
      number,
      number,
    ];
  const fn = /rgba?\((\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(color);
  return fn ? [Number(fn[1]), Number(fn[2]), Number(fn[3])] : [128, 128, 128];
}

export class GridView {
  readonly #canvas: HTMLCanvasElement;
  readonly #image = document.createElement("canvas");
  #size = { width: 0, height: 0 };

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
  }

  /** Matches the backing store to the canvas's CSS size × devicePixelRatio; true if it changed. */
  resize(): boolean {
    const box = this.#canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(box.width * ratio));
    const height = Math.max(1, Math.round(box.height * ratio));
    if (width === this.#size.width && height === this.#size.height) return false;
    this.#size = { width, height };
    this.#canvas.width = width;
    this.#canvas.height = height;
    return true;
  }

  /** The cell under a point in client coordinates, or −1. */
  cellAt(clientX: number, clientY: number, gridWidth: number, gridHeight: number): number {
    const box = this.#canvas.getBoundingClientRect();
    const x = Math.floor(((clientX - box.left) / box.width) * gridWidth);
    const y = Math.floor(((clientY - box.top) / box.height) * gridHeight);
    return x >= 0 && x < gridWidth && y >= 0 && y < gridHeight ? y * gridWidth + x : -1;
  }

  /** Blank: no grid to show (the settings have an error). */
  clear(palette: Palette): void {
    const ctx = this.#canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = palette.empty;
    ctx.fillRect(0, 0, this.#size.width, this.#size.height);
  }

  draw(picture: GridPicture, palette: Palette): void {
    const ctx = this.#canvas.getContext("2d");
    if (!ctx) return;
    const { width: W, height: H } = this.#size;
    const cell = Math.min(W / picture.width, H / picture.height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, W, H);
    if (cell < VECTOR_MIN_CELL) this.#drawImage(ctx, picture, palette);
    else this.#drawCells(ctx, picture, palette, cell);
  }

  #drawImage(ctx: CanvasRenderingContext2D, picture: GridPicture, palette: Palette): void {
    const { width, height, cells } = picture;
    if (this.#image.width !== width || this.#image.height !== height) {
      this.#image.width = width;
      this.#image.height = height;
    }
    const imageCtx = this.#image.getContext("2d");
    if (!imageCtx) return;
    const image = imageCtx.createImageData(width, height);
    const colors = [palette.empty, ...palette.groups].map(rgb);
    const data = image.data;
    for (let i = 0; i < cells.length; i++) {
      const [r, g, b] = colors[cells[i] as number] ?? [0, 0, 0];
      data[i * 4] = r;
      data[i * 4 + 1] = g;
      data[i * 4 + 2] = b;
      data[i * 4 + 3] = 255;
    }
    imageCtx.putImageData(image, 0, 0);
    // Upscaling: hard pixel edges; downscaling a big grid: average, or rows would flicker.
    ctx.imageSmoothingEnabled = this.#size.width < width;
    ctx.drawImage(this.#image, 0, 0, this.#size.width, this.#size.height);
  }

  #drawCells(
    ctx: CanvasRenderingContext2D,
    picture: GridPicture,
    palette: Palette,
    cell: number,
  ): void {
    const { width, cells, shapes, desks } = picture;
    // Desks stand apart (a whole-pixel gap); a simulator grid's cells touch, with
    // edges on whole device pixels so no background shows through as a seam.
    const gap = desks ? Math.max(2, Math.round(cell * 0.08)) : 0;
    const lead = Math.floor(gap / 2);
    const box = (index: number): { x: number; y: number; size: number } => {
      const cx = index % width;
      const cy = (index - cx) / width;
      const x = Math.round(cx * cell);
      const y = Math.round(cy * cell);
      const size = Math.min(Math.round((cx + 1) * cell) - x, Math.round((cy + 1) * cell) - y);
      return { x: x + lead, y: y + lead, size: size - gap };
    };
    const rect = (index: number): { x: number; y: number; w: number; h: number } => {
      const cx = index % width;
      const cy = (index - cx) / width;
      const x = Math.round(cx * cell);
      const y = Math.round(cy * cell);
      return { x, y, w: Math.round((cx + 1) * cell) - x, h: Math.round((cy + 1) * cell) - y };
    };
    const radius = desks ? Math.min(8, cell * 0.12) : 0;
    for (let i = 0; i < cells.length; i++) {
      const g = cells[i] as number;
      const { x, y, size } = box(i);
      if (g === 0 && !desks) {
        ctx.fillStyle = palette.empty;
        const r = rect(i);
        ctx.fillRect(r.x, r.y, r.w, r.h);
        continue;
      }
      if (g === 0) {
        ctx.fillStyle = palette.empty;
        ctx.beginPath();
        ctx.roundRect(x, y, size, size, radius);
        ctx.fill();
        if (desks) {
          ctx.strokeStyle = palette.border;
          ctx.lineWidth = Math.max(1, cell * 0.02);
          ctx.stroke();
        }
        continue;
      }
      const color = palette.groups[g - 1] ?? palette.foreground;
      if (shapes && cell >= 8) {
        if (desks) {
          ctx.fillStyle = palette.empty;
          ctx.beginPath();
          ctx.roundRect(x, y, size, size, radius);
          ctx.fill();
        }
        drawShape(ctx, g, x, y, size, color, desks ? 0.78 : 0.9);
      } else if (!desks) {
        ctx.fillStyle = color;
        const r = rect(i);
        ctx.fillRect(r.x, r.y, r.w, r.h);
      } else {
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.roundRect(x, y, size, size, radius);
        ctx.fill();
      }
    }

    const line = Math.max(2, Math.round(cell * 0.06));
    if (picture.unhappy && cell >= 14) {
      for (const index of picture.unhappy) {
        const { x, y, size } = box(index);
        const r = Math.max(5, size * 0.17);
        ctx.fillStyle = palette.foreground;
        ctx.strokeStyle = palette.background;
        ctx.lineWidth = Math.max(1, r * 0.25);
        ctx.beginPath();
        ctx.arc(x + size - r * 0.9, y + r * 0.9, r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = palette.background;
        ctx.font = `bold ${Math.round(r * 1.5)}px system-ui, sans-serif`;
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText("!", x + size - r * 0.9, y + r * 0.95);
      }
    }

    const move = picture.lastMove;
    if (move) {
      const a = box(move.from);
      const b = box(move.to);
      ctx.strokeStyle = palette.foreground;
      ctx.lineWidth = line;
      ctx.setLineDash([line * 2, line * 1.5]);
      ctx.strokeRect(a.x + line / 2, a.y + line / 2, a.size - line, a.size - line);
      ctx.setLineDash([]);
      ctx.lineWidth = line * 1.5;
      ctx.strokeRect(b.x + line, b.y + line, b.size - 2 * line, b.size - 2 * line);
      arrow(ctx, a, b, line, palette.foreground);
    }

    for (const [index, dashed] of [
      [picture.selected, false],
      [picture.cursor, true],
    ] as const) {
      if (index < 0 || index >= cells.length) continue;
      const { x, y, size } = box(index);
      ctx.strokeStyle = palette.focus;
      ctx.lineWidth = line * 1.5;
      ctx.setLineDash(dashed ? [line * 2, line] : []);
      ctx.strokeRect(x - line / 2, y - line / 2, size + line, size + line);
      ctx.setLineDash([]);
    }
  }
}

/** Group 1 a circle, 2 a square, 3 a triangle, 4 a diamond, then a cross, a star… */
function drawShape(
  ctx: CanvasRenderingContext2D,
  group: number,
  x: number,
  y: number,
  size: number,
  color: string,
  fill: number,
): void {
  const c = { x: x + size / 2, y: y + size / 2 };
  const r = (size * fill) / 2;
  ctx.fillStyle = color;
  ctx.beginPath();
  const polygon = (points: number, turn: number, inner = 1): void => {
    for (let i = 0; i < points * (inner < 1 ? 2 : 1); i++) {
      const radius = inner < 1 && i % 2 === 1 ? r * inner : r;
      const angle = turn + (i * Math.PI * 2) / (points * (inner < 1 ? 2 : 1));
      const px = c.x + radius * Math.cos(angle);
      const py = c.y + radius * Math.sin(angle);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.closePath();
  };
  switch ((group - 1) % 6) {
    case 0:
      ctx.arc(c.x, c.y, r, 0, 2 * Math.PI);
      break;
    case 1:
      ctx.rect(c.x - r * 0.85, c.y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      polygon(3, -Math.PI / 2);
      break;
    case 3:
      polygon(4, 0);
      break;
    case 4:
      polygon(4, Math.PI / 4, 0.45);
      break;
    default:
      polygon(5, -Math.PI / 2, 0.45);
  }
  ctx.fill();
}

function arrow(
  ctx: CanvasRenderingContext2D,
  from: { x: number; y: number; size: number },
  to: { x: number; y: number; size: number },
  line: number,
  color: string,
): void {
  const ax = from.x + from.size / 2;
  const ay = from.y + from.size / 2;
  const bx = to.x + to.size / 2;
  const by = to.y + to.size / 2;
  const length = Math.hypot(bx - ax, by - ay);
  if (length < 1) return;
  const ux = (bx - ax) / length;
  const uy = (by - ay) / length;
  const end = { x: bx - ux * to.size * 0.3, y: by - uy * to.size * 0.3 };
  const start = { x: ax + ux * from.size * 0.3, y: ay + uy * from.size * 0.3 };
  const head = Math.max(6, line * 3);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = line;
  ctx.beginPath();
  ctx.moveTo(start.x, start.y);
  ctx.lineTo(end.x - ux * head * 0.8, end.y - uy * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(end.x, end.y);
  ctx.lineTo(end.x - ux * head - uy * head * 0.6, end.y - uy * head + ux * head * 0.6);
  ctx.lineTo(end.x - ux * head + uy * head * 0.6, end.y - uy * head - ux * head * 0.6);
  ctx.closePath();
  ctx.fill();
}
