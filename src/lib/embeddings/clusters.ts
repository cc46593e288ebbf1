import type { KMeansResult, Points } from "./kmeans";

/** One cluster for display: its members, the most typical first. */
export interface ClusterSummary {
  cluster: number;
  size: number;
  /** Member indices, closest to the centroid first. */
  members: number[];
}

/**
 * The clusters of a k-means result, largest first (ties: lower cluster
 * number first), each listing its members from the most typical (closest to
 * the centroid) to the least.
 */
export function summarizeClusters(points: Points, result: KMeansResult): ClusterSummary[] {
  const { dims: d, data } = points;
  const distance = (i: number, c: number): number => {
    let sum = 0;
    for (let j = 0; j < d; j++)
      sum += ((data[i * d + j] as number) - (result.centroids[c * d + j] as number)) ** 2;
    return sum;
  };
  const groups = Array.from({ length: result.k }, (): { i: number; dist: number }[] => []);
  result.assignments.forEach((c, i) => {
    groups[c]?.push({ i, dist: distance(i, c) });
  });
  return groups
    .map((members, cluster) => ({
      cluster,
      size: members.length,
      members: members.sort((a, b) => a.dist - b.dist || a.i - b.i).map((m) => m.i),
    }))
    .sort((a, b) => b.size - a.size || a.cluster - b.cluster);
}
