// The classroom rule for 1 to 5 same-colour neighbours: where does each run settle?
import { createSchelling, plot, type PlotPoint } from "lab";

const points: PlotPoint[] = [];
const table = [];
for (let minSame = 1; minSame <= 5; minSame++) {
  const model = createSchelling({ width: 40, height: 40, seed: 3, rule: "classroom", minSame });
  let round = 0;
  points.push({ x: 0, y: model.stats().similarity * 100, series: `${String(minSame)} alike` });
  while (round < 40 && !model.settled) {
    model.sweep();
    round++;
    points.push({
      x: round,
      y: model.stats().similarity * 100,
      series: `${String(minSame)} alike`,
    });
  }
  const end = model.stats();
  table.push({
    minSame,
    rounds: round,
    "% similar": end.similarity * 100,
    "% unhappy": end.unhappyShare * 100,
  });
}
plot(points, { x: "round", y: "% similar neighbours" });
export default table;
