/**
 * The course's own language models (trained by scripts/train/, served from
 * public/generated/models/ by the asset step "language-models") and how to
 * name them: "gpt" (causal), "mlm" (masked), "gpt-step-<n>" (a GPT training
 * checkpoint). Anything else is a Hugging Face hub id.
 */
export type LmKind = "causal" | "masked";

export const OWN_MODELS = ["gpt", "mlm"] as const;
export type OwnModel = (typeof OWN_MODELS)[number];

const CHECKPOINT = /^gpt-step-(\d+)$/;

/** Whether `id` is one of ours, served by the site (no network needed). */
export function isOwnModel(id: string): boolean {
  return (OWN_MODELS as readonly string[]).includes(id) || CHECKPOINT.test(id);
}

/** "gpt-step-40" for the checkpoint after 40 training steps. */
export function checkpointId(step: number): string {
  return `gpt-step-${step}`;
}

/** Training facts written by scripts/train/export.py into config.json. */
export interface TrainingFacts {
  kind: "gpt" | "mlm";
  causal: boolean;
  parameters: number;
  steps: number;
  tokens: number;
  batch: number;
  context: number;
  valid_loss: number;
}

/** One row of training.json's log. */
export interface TrainingLogEntry {
  step: number;
  tokens: number;
  seconds: number;
  train_loss?: number;
  valid_loss?: number;
  snapshot?: boolean;
}

/** training.json: the loss log and the shipped checkpoints. */
export interface TrainingRecord {
  meta: { parameters: number; steps: number; batch: number; arch: Record<string, unknown> };
  checkpoints: { step: number; tokens: number; valid_loss: number; file: string }[];
  log: TrainingLogEntry[];
}
