/**
 * An independent, deliberately plain re-implementation of NetLogo's Segregation
 * model (Wilensky 1997, in NetLogo's models library), written from its source
 * for the tests only. It shares no code with src/lib/schelling: its own RNG
 * (mulberry32), plain arrays of turtles with continuous positions, and every
 * count recomputed from scratch each tick.
 *
 *     to setup: ask n-of number patches [ sprout 1 [ set color red ] ]
 *               ask n-of (number / 2) turtles [ set color green ]
 *     to go:    if all? turtles [ happy? ] [ stop ]
 *               ask turtles with [ not happy? ] [ find-new-spot ]
 *               update-turtles
 *     to find-new-spot:
 *               rt random-float 360   fd random-float 10
 *               if any? other turtles-here [ find-new-spot ]
 *               move-to patch-here
 *     happy? = similar-nearby >= %-similar-wanted * total-nearby / 100
 *     percent-similar = 100 * Σ similar-nearby / Σ total-nearby
 */

/** mulberry32: a small 32-bit generator; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Turtle {
  x: number;
  y: number;
  heading: number;
  color: number;
  happy: boolean;
}

export interface ReferenceResult {
  /** percent-similar / 100 when the run stopped. */
  similar: number;
  ticks: number;
  /** true when every turtle was happy (NetLogo's stop), false when maxTicks ran out. */
  settled: boolean;
}

/** One run on a wrapping side × side world; `wanted` is NetLogo's %-similar-wanted slider (30 for 30 %). */
export function runReference(
  seed: number,
  options: { side?: number; turtles?: number; wanted: number; maxTicks?: number },
): ReferenceResult {
  const side = options.side ?? 51;
  const number = options.turtles ?? 2000;
  const maxTicks = options.maxTicks ?? 1000;
  const random = mulberry32(seed);
  const randomInt = (n: number): number => Math.floor(random() * n);

  // n-of number patches: a partial Fisher–Yates shuffle of the patch list.
  const patches = Array.from({ length: side * side }, (_, i) => i);
  for (let i = 0; i < number; i++) {
    const j = i + randomInt(patches.length - i);
    [patches[i], patches[j]] = [patches[j] as number, patches[i] as number];
  }
  const turtles: Turtle[] = patches.slice(0, number).map((p) => ({
    x: p % side,
    y: Math.floor(p / side),
    heading: random() * 360,
    color: 0,
    happy: false,
  }));
  // n-of (number / 2) turtles turn green.
  const order = turtles.map((_, i) => i);
  for (let i = 0; i < number / 2; i++) {
    const j = i + randomInt(order.length - i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
    (turtles[order[i] as number] as Turtle).color = 1;
  }

  const patchOf = (v: number): number => ((Math.round(v) % side) + side) % side;
  const wrap = (v: number): number => {
    const w = (v + 0.5) % side;
    return (w < 0 ? w + side : w) - 0.5;
  };
  let sumSimilar = 0;
  let sumTotal = 0;

  const update = (): void => {
    const grid = new Array<Turtle | undefined>(side * side);
    for (const t of turtles) grid[patchOf(t.y) * side + patchOf(t.x)] = t;
    sumSimilar = 0;
    sumTotal = 0;
    for (const t of turtles) {
      let similar = 0;
      let total = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          const px = patchOf(t.x + dx);
          const py = patchOf(t.y + dy);
          const other = grid[py * side + px];
          if (!other) continue;
          total++;
          if (other.color === t.color) similar++;
        }
      // In whole percent, as NetLogo's slider: 30 × 10 / 100 is exactly 3.
      t.happy = similar >= (options.wanted * total) / 100;
      sumSimilar += similar;
      sumTotal += total;
    }
  };

  const occupied = new Map<number, number>();
  const findNewSpot = (t: Turtle): void => {
    const home = patchOf(t.y) * side + patchOf(t.x);
    occupied.set(home, (occupied.get(home) ?? 1) - 1);
    for (;;) {
      t.heading = (t.heading + random() * 360) % 360;
      const distance = random() * 10;
      const rad = (t.heading * Math.PI) / 180;
      t.x = wrap(t.x + distance * Math.sin(rad));
      t.y = wrap(t.y + distance * Math.cos(rad));
      const here = patchOf(t.y) * side + patchOf(t.x);
      if ((occupied.get(here) ?? 0) === 0) {
        occupied.set(here, 1);
        t.x = patchOf(t.x);
        t.y = patchOf(t.y);
        return;
      }
    }
  };

  update();
  let ticks = 0;
  while (ticks < maxTicks) {
    if (turtles.every((t) => t.happy))
      return { similar: sumSimilar / sumTotal, ticks, settled: true };
    occupied.clear();
    for (const t of turtles) occupied.set(patchOf(t.y) * side + patchOf(t.x), 1);
    // ask turtles with [not happy?]: that set is fixed now, visited in random order.
    const unhappy = turtles.filter((t) => !t.happy);
    for (let i = unhappy.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [unhappy[i], unhappy[j]] = [unhappy[j] as Turtle, unhappy[i] as Turtle];
    }
    for (const t of unhappy) findNewSpot(t);
    update();
    ticks++;
  }
  return { similar: sumSimilar / sumTotal, ticks, settled: turtles.every((t) => t.happy) };
}
