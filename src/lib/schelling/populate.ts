import { groupCounts, type ResolvedOptions } from "./options";
import type { Random } from "./random";

/**
 * A random starting grid: exactly `agents` agents, split between the groups by
 * their shares (largest remainder), on cells chosen uniformly at random.
 */
export function populate(
  options: Pick<ResolvedOptions, "width" | "height" | "agents" | "shares">,
  random: Random,
): Uint8Array {
  const n = options.width * options.height;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  random.shuffle(order);
  const cells = new Uint8Array(n);
  let next = 0;
  groupCounts(options.agents, options.shares).forEach((count, g) => {
    for (let i = 0; i < count; i++) cells[order[next++] as number] = g + 1;
  });
  return cells;
}
