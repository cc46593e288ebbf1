/**
 * What a job has cost, for the stats line: the requests and tokens before
 * this run (from the job's results and request log, so a run cut off by a
 * crash or reload is counted) plus this run's so far.
 */
import {
  actualCost,
  formatDollars,
  idbStore,
  jobSpend,
  openLabelingDB,
  priceFor,
  type PriceTable,
  type Usage,
} from "@/lib/labeling";

export class JobSpend {
  #before: ReturnType<typeof jobSpend> = {
    requests: 0,
    unanswered: 0,
    usage: { input: 0, cachedInput: 0, output: 0 },
  };
  #now: Usage = { input: 0, cachedInput: 0, output: 0 };
  #requestsNow = 0;

  /** Reads what the job has cost so far from its database; this run starts at zero. */
  async load(jobId: string): Promise<void> {
    const db = await openLabelingDB(jobId);
    const store = idbStore(db);
    const [results, events] = await Promise.all([store.load(), store.loadLog()]);
    db.close();
    this.#before = jobSpend(results, events);
    this.#now = { input: 0, cachedInput: 0, output: 0 };
    this.#requestsNow = 0;
  }

  /** This run's totals (the runner's progress). */
  update(progress: { usage: Usage; requests: number }): void {
    this.#now = progress.usage;
    this.#requestsNow = progress.requests;
  }

  get requests(): number {
    return this.#before.requests + this.#requestsNow;
  }

  /** "spent $0.0012 on 18 requests", with the requests a stopped run left unanswered. */
  describe(model: string, prices: Readonly<PriceTable>): string {
    const price = priceFor(model, prices);
    const spent = price ? actualCost([this.#before.usage, this.#now], price) : null;
    return (
      `spent ${spent === null ? "(no price for this model)" : formatDollars(spent)} on ${this.requests.toLocaleString("en")} requests` +
      (this.#before.unanswered
        ? ` (of which ${this.#before.unanswered} were in flight when a run stopped: the server may have billed them, but no reply was received)`
        : "")
    );
  }
}
