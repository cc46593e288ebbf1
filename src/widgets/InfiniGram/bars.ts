/** InfiniGram's bars: next-token probabilities with their counts (src/scripts/probability-bars.ts). */
import type { NextToken } from "@/lib/ngram/index";
import { drawProbabilityBars } from "@/scripts/probability-bars";

export function drawBars(host: HTMLElement, candidates: readonly NextToken[], label: string): void {
  drawProbabilityBars(
    host,
    candidates.map((c) => ({
      label: c.display,
      probability: c.probability,
      count: c.count,
      data: { token: c.token, count: c.count, probability: c.probability },
    })),
    { label, fill: "--cb-blue" },
  );
}
