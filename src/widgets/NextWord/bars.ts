/** NextWord's bars: next-word probabilities (src/scripts/probability-bars.ts). */
import { drawProbabilityBars } from "@/scripts/probability-bars";

export interface Bar {
  word: string;
  probability: number;
  count?: number | undefined;
}

export function drawBars(host: HTMLElement, bars: readonly Bar[], label: string): void {
  drawProbabilityBars(
    host,
    bars.map((b) => ({
      label: b.word,
      probability: b.probability,
      count: b.count,
      data: {
        word: b.word,
        probability: b.probability,
        ...(b.count === undefined ? {} : { count: b.count }),
      },
    })),
    { label, fill: "--cb-vermillion" },
  );
}
