/**
 * Krippendorff's alpha for nominal data, with missing values, following
 * Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": build the
 * coincidence matrix from every pairable unit (two or more values), then
 * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
 * Rows are coders (votes, runs or models), columns units; null is missing.
 * Undefined (with the reason) when no unit is pairable, or when every value is
 * the same label: then expected disagreement is 0 and alpha is 0/0
 * (Krippendorff: no variation, no reliability data).
 */
import { defined, undefinedBecause, type Statistic } from "./statistic";

export function krippendorffAlphaNominal(data: readonly (readonly (string | null)[])[]): Statistic {
  const units = Math.max(0, ...data.map((row) => row.length));
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number): void => {
    let row = coincidence.get(c);
    if (!row) {
      row = new Map<string, number>();
      coincidence.set(c, row);
    }
    row.set(k, (row.get(k) ?? 0) + w);
  };
  for (let u = 0; u < units; u++) {
    const values = data.flatMap((row) => {
      const v = row[u];
      return v === null || v === undefined ? [] : [v];
    });
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++)
        if (i !== j) add(values[i] as string, values[j] as string, 1 / (m - 1));
  }
  const totals = new Map<string, number>();
  let n = 0;
  let disagreeObserved = 0;
  for (const [c, row] of coincidence)
    for (const [k, o] of row) {
      totals.set(c, (totals.get(c) ?? 0) + o);
      n += o;
      if (c !== k) disagreeObserved += o;
    }
  if (n <= 1)
    return undefinedBecause("no item has two or more ratings, so there is nothing to compare");
  let disagreeExpected = 0;
  for (const [c, nc] of totals)
    for (const [k, nk] of totals) if (c !== k) disagreeExpected += nc * nk;
  if (disagreeExpected === 0)
    return undefinedBecause(
      `every rating is “${[...totals.keys()].join("")}”, so expected disagreement is 0 and alpha is 0/0`,
    );
  return defined(1 - ((n - 1) * disagreeObserved) / disagreeExpected);
}
