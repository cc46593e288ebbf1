/**
 * plot(): the cell's chart helper. In the sandbox worker it posts the data to
 * the page, which draws it with d3 under the cell's output.
 */
export interface PlotPoint {
  x: number;
  y: number;
  /** Lines with the same series are drawn together, each in its own colour. */
  series?: string;
}

export interface PlotOptions {
  title?: string;
  x?: string;
  y?: string;
  kind?: "line" | "scatter" | "bar";
}

export interface PlotMessage {
  type: "plot";
  points: PlotPoint[];
  options: PlotOptions;
}

let sink: ((message: PlotMessage) => void) | null = null;

/** Where plot() sends its message: set by the sandbox worker to its private channel. */
export function setPlotSink(send: (message: PlotMessage) => void): void {
  sink = send;
}

/** Draws points (or plain numbers, plotted against their index) under the cell. */
export function plot(data: readonly (PlotPoint | number)[], options: PlotOptions = {}): void {
  const points = data.map((d, i) =>
    typeof d === "number"
      ? { x: i, y: d }
      : { x: d.x, y: d.y, ...(d.series === undefined ? {} : { series: d.series }) },
  );
  const message: PlotMessage = { type: "plot", points, options: { ...options } };
  if (!sink) throw new Error("plot() works only inside a code cell.");
  sink(message);
}
