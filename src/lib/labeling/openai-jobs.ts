/**
 * Large jobs on OpenAI's infrastructure through the SDK: upload a Batch API
 * input file and start a batch (half price, results within 24 h), start a
 * fine-tuning job, and poll either until it ends.
 */
import OpenAI, { toFile } from "openai";
import { checkBaseURL, OPENAI_BASE_URL } from "./providers/openai-embeddings";
import { classify } from "./openai-chat";
import { sleep, type Sleep } from "./pacing";

export interface JobsClientOptions {
  apiKey: string;
  baseURL?: string;
  fetch?: typeof fetch;
}

export interface JobsClient {
  startBatch(jsonl: string): Promise<{ batchId: string; fileId: string }>;
  /** Polls a batch until completed/failed/expired/cancelled; the output file's text when completed. */
  waitForBatch(
    batchId: string,
    options?: PollOptions,
  ): Promise<{ status: string; output: string; errors: string }>;
  startFineTune(model: string, train: string, validation?: string): Promise<string>;
  waitForFineTune(
    jobId: string,
    options?: PollOptions,
  ): Promise<{ status: string; model: string | null }>;
}

export interface PollOptions {
  intervalMs?: number;
  signal?: AbortSignal;
  sleep?: Sleep;
  onStatus?: (status: string) => void;
}

export function createJobsClient(options: JobsClientOptions): JobsClient {
  const apiKey = options.apiKey.trim();
  const baseURL = checkBaseURL(options.baseURL ?? OPENAI_BASE_URL);
  const client = new OpenAI({
    apiKey,
    baseURL,
    dangerouslyAllowBrowser: typeof (globalThis as { document?: unknown }).document !== "undefined",
    maxRetries: 2,
    logLevel: "off",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw classify(error, baseURL, apiKey);
    }
  };
  const upload = (text: string, name: string, purpose: "batch" | "fine-tune"): Promise<string> =>
    guard(
      async () =>
        (
          await client.files.create({
            file: await toFile(new TextEncoder().encode(text), name),
            purpose,
          })
        ).id,
    );
  const content = (id: string | null | undefined): Promise<string> =>
    id ? guard(async () => (await client.files.content(id)).text()) : Promise.resolve("");
  return {
    async startBatch(jsonl) {
      const fileId = await upload(jsonl, "batch.jsonl", "batch");
      const batch = await guard(() =>
        client.batches.create({
          input_file_id: fileId,
          endpoint: "/v1/chat/completions",
          completion_window: "24h",
        }),
      );
      return { batchId: batch.id, fileId };
    },
    async waitForBatch(batchId, poll = {}) {
      const wait = poll.sleep ?? sleep;
      for (;;) {
        const batch = await guard(() => client.batches.retrieve(batchId));
        poll.onStatus?.(batch.status);
        if (["completed", "failed", "expired", "cancelled"].includes(batch.status))
          return {
            status: batch.status,
            output: await content(batch.output_file_id),
            errors: await content(batch.error_file_id),
          };
        await wait(poll.intervalMs ?? 10_000, poll.signal);
      }
    },
    async startFineTune(model, train, validation) {
      const trainingFile = await upload(train, "train.jsonl", "fine-tune");
      const validationFile = validation
        ? await upload(validation, "validation.jsonl", "fine-tune")
        : undefined;
      const job = await guard(() =>
        client.fineTuning.jobs.create({
          model,
          training_file: trainingFile,
          ...(validationFile ? { validation_file: validationFile } : {}),
        }),
      );
      return job.id;
    },
    async waitForFineTune(jobId, poll = {}) {
      const wait = poll.sleep ?? sleep;
      for (;;) {
        const job = await guard(() => client.fineTuning.jobs.retrieve(jobId));
        poll.onStatus?.(job.status);
        if (["succeeded", "failed", "cancelled"].includes(job.status))
          return { status: job.status, model: job.fine_tuned_model };
        await wait(poll.intervalMs ?? 30_000, poll.signal);
      }
    },
  };
}
