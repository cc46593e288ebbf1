// Run Schelling's model with your own threshold and plot % similar after every round.
import { createSchelling, plot } from "lab";

const wanted = 0.3; // an agent is happy when at least 30 % of its neighbours are like it
const model = createSchelling({ width: 50, height: 50, seed: 7, rule: "threshold", wanted });

const similar = [model.stats().similarity * 100];
for (let round = 0; round < 50 && !model.settled; round++) {
  model.sweep();
  similar.push(model.stats().similarity * 100);
}
console.log(
  `Settled after ${String(similar.length - 1)} rounds at ${(similar.at(-1) ?? 0).toFixed(1)} % similar.`,
);
plot(similar, {
  title: `Threshold ${String(wanted * 100)} %`,
  x: "round",
  y: "% similar neighbours",
});
