/**
 * Agreement between two finished runs on the same items (two models, two
 * prompts, a run and its repeat): Krippendorff's alpha (nominal; an item one
 * run flagged counts as missing) and Cohen's kappa over the items both
 * labelled — reliability across runs or models, not only across votes.
 * Either can be undefined (no item both labelled, one label throughout):
 * then the text says why instead of showing a number.
 */
import {
  cohenKappa,
  type FinishedRun,
  idbStore,
  type ItemResult,
  type JobRecord,
  krippendorffAlphaNominal,
  openLabelingDB,
  type Statistic,
  statisticText,
} from "@/lib/labeling";

/** How a run reads in the list: its model or local method, votes and time. */
export function describeRun(run: FinishedRun): string {
  const who = run.provider.kind === "api" ? run.task.model : `local ${run.provider.method}`;
  const votes = run.task.votes > 1 ? `, ${run.task.votes} votes` : "";
  const when = new Date(run.finishedAt).toLocaleTimeString("en", {
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${who}${votes}, ${run.items.length} items, ${when}`;
}

/** Runs worth comparing with `job`: finished, another run, sharing at least two items. */
export function comparable(job: JobRecord, runs: readonly FinishedRun[]): FinishedRun[] {
  const ids = new Set(job.items.map((i) => i.id));
  return runs.filter(
    (r) =>
      r.id !== job.id &&
      r.dataset === job.dataset &&
      r.items.filter((i) => ids.has(i.id)).length >= 2,
  );
}

export interface RunAgreement {
  shared: number;
  /** Items both runs labelled (neither flagged). */
  paired: number;
  alpha: Statistic;
  kappa: Statistic;
}

const answer = (r: ItemResult | undefined): string | null =>
  r?.status === "labelled" ? [...r.labels].sort().join("+") : null;

export function agreement(
  job: JobRecord,
  mine: ReadonlyMap<string, ItemResult>,
  other: FinishedRun,
  theirs: ReadonlyMap<string, ItemResult>,
): RunAgreement {
  const otherIds = new Set(other.items.map((i) => i.id));
  const ids = job.items.map((i) => i.id).filter((id) => otherIds.has(id));
  const a = ids.map((id) => answer(mine.get(id)));
  const b = ids.map((id) => answer(theirs.get(id)));
  return {
    shared: ids.length,
    paired: ids.filter((_, i) => a[i] !== null && b[i] !== null).length,
    alpha: krippendorffAlphaNominal([a, b]),
    kappa: cohenKappa(a, b),
  };
}

/** The agreement in words, as the sandbox shows it under "Agreement between runs". */
export function describeAgreement(a: RunAgreement, other: FinishedRun): string {
  return (
    `This run and “${describeRun(other)}” share ${a.shared} items; both labelled ${a.paired}. ` +
    `Krippendorff's alpha ${statisticText(a.alpha)}, Cohen's kappa ${statisticText(a.kappa)}` +
    (a.paired < a.shared ? " (items a run flagged count as missing)." : ".")
  );
}

export async function loadRunResults(run: FinishedRun): Promise<Map<string, ItemResult>> {
  const db = await openLabelingDB(run.id);
  try {
    return new Map((await idbStore(db).load()).map((r) => [r.id, r]));
  } finally {
    db.close();
  }
}
