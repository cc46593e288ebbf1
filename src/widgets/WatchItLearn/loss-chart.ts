/**
 * The GPT's loss curve (training.json): training loss every 100 steps and
 * validation loss at its evaluations, against tokens seen, on a log x axis;
 * the shipped checkpoints are marked.
 */
import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select } from "d3";
import type { TrainingRecord } from "@/lib/lm/index";

const WIDTH = 560;
const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 44, left: 52 };

export function drawLossChart(host: HTMLElement, record: TrainingRecord): void {
  const styles = getComputedStyle(host);
  const css = (name: string): string => styles.getPropertyValue(name).trim();
  const train = record.log.filter((e) => e.train_loss !== undefined && e.tokens > 0);
  const valid = record.log.filter((e) => e.valid_loss !== undefined && e.tokens > 0);
  const marks = record.checkpoints.filter((c) => c.tokens > 0);
  const tokens = [...train, ...valid].map((e) => e.tokens);
  const losses = [...train.map((e) => e.train_loss ?? 0), ...valid.map((e) => e.valid_loss ?? 0)];
  const x = scaleLog([Math.min(...tokens), Math.max(...tokens)], [M.left, WIDTH - M.right]);
  const y = scaleLinear(
    [Math.min(...losses) - 0.2, Math.max(...losses) + 0.2],
    [HEIGHT - M.bottom, M.top],
  ).nice();
  const root = select(host);
  root.selectAll("*").remove();
  const last = record.checkpoints.at(-1);
  const svg = root
    .append("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
    .attr("role", "img")
    .attr("font-size", 13)
    .attr(
      "aria-label",
      `Loss against tokens seen: validation loss ${valid[0]?.valid_loss?.toFixed(2) ?? "?"} after ${valid[0]?.tokens.toLocaleString("en-US") ?? "?"} tokens, ${last?.valid_loss.toFixed(2) ?? "?"} after ${last?.tokens.toLocaleString("en-US") ?? "?"}.`,
    );
  svg
    .append("g")
    .attr("transform", `translate(0,${HEIGHT - M.bottom})`)
    .call(axisBottom(x).ticks(5, "~s"))
    .call((g) => g.selectAll("text").attr("fill", css("--fg")).attr("font-size", 13));
  svg
    .append("g")
    .attr("transform", `translate(${M.left},0)`)
    .call(axisLeft(y).ticks(5))
    .call((g) => g.selectAll("text").attr("fill", css("--fg")).attr("font-size", 13));
  svg.selectAll(".domain, .tick line").attr("stroke", css("--fg-muted"));
  svg
    .append("text")
    .attr("x", (M.left + WIDTH - M.right) / 2)
    .attr("y", HEIGHT - 8)
    .attr("text-anchor", "middle")
    .attr("fill", css("--fg"))
    .text("tokens seen (log scale)");
  svg
    .append("text")
    .attr("transform", `translate(14,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .attr("fill", css("--fg"))
    .text("loss (nats per token)");
  const path = line<{ tokens: number; value: number }>()
    .x((d) => x(d.tokens))
    .y((d) => y(d.value));
  svg
    .append("path")
    .attr("d", path(train.map((e) => ({ tokens: e.tokens, value: e.train_loss ?? 0 }))))
    .attr("fill", "none")
    .attr("stroke", css("--cb-blue"))
    .attr("stroke-width", 2)
    .attr("data-series", "train");
  svg
    .append("g")
    .selectAll("circle")
    .data(valid)
    .join("circle")
    .attr("cx", (e) => x(e.tokens))
    .attr("cy", (e) => y(e.valid_loss ?? 0))
    .attr("r", 4)
    .attr("fill", css("--cb-vermillion"))
    .attr("data-series", "valid");
  svg
    .append("g")
    .selectAll("line")
    .data(marks)
    .join("line")
    .attr("x1", (c) => x(c.tokens))
    .attr("x2", (c) => x(c.tokens))
    .attr("y1", M.top)
    .attr("y2", HEIGHT - M.bottom)
    .attr("stroke", css("--fg-muted"))
    .attr("stroke-dasharray", "3 3")
    .attr("data-checkpoint", (c) => c.step);
  const legend = svg
    .append("g")
    .attr("transform", `translate(${WIDTH - M.right - 190},${M.top + 6})`);
  legend.append("line").attr("x2", 18).attr("stroke", css("--cb-blue")).attr("stroke-width", 2);
  legend
    .append("text")
    .attr("x", 24)
    .attr("dy", "0.35em")
    .attr("fill", css("--fg"))
    .text("training (running mean)");
  legend
    .append("circle")
    .attr("cx", 9)
    .attr("cy", 18)
    .attr("r", 4)
    .attr("fill", css("--cb-vermillion"));
  legend
    .append("text")
    .attr("x", 24)
    .attr("y", 18)
    .attr("dy", "0.35em")
    .attr("fill", css("--fg"))
    .text("validation (held out)");
}
