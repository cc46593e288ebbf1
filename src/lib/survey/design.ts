/**
 * A simulated survey experiment ("silicon sampling"): a language model answers
 * a question as respondents with given profiles, under a control and a
 * treatment wording. The design becomes a labeling job — the answer options
 * are the labels, each profile × condition is an item, and each simulated
 * respondent is a vote — so the labeling engine's providers, structured
 * output, retries and cost estimate all apply.
 */
import { LabelingError, type LabelItem, type TaskSpec } from "../labeling/task";

export interface SurveyOption {
  /** Short name, the answer the model gives (e.g. "A"). */
  name: string;
  /** What the option says. */
  text: string;
}

export interface Profile {
  id: string;
  /** Who the respondent is, in a phrase: "a 67-year-old retired farmer from Iowa, a Republican". */
  description: string;
}

export type Condition = "control" | "treatment";

export interface SurveyDesign {
  /** Shown to everyone before the condition's text (the scenario). */
  preamble: string;
  control: string;
  treatment: string;
  /** The question asked after the condition's text. */
  question: string;
  options: SurveyOption[];
  /** The option whose share is compared between conditions. */
  outcome: string;
  profiles: Profile[];
  /** Simulated respondents per profile and condition. */
  respondents: number;
}

export const CONDITIONS: readonly Condition[] = ["control", "treatment"];
export const MAX_RESPONDENTS = 25;
export const MAX_PROFILES = 12;

/** Checks a design; throws a LabelingError saying what to fix. */
export function validateDesign(design: SurveyDesign): void {
  if (!design.question.trim()) throw new LabelingError("Write the survey question.");
  if (!design.control.trim() || !design.treatment.trim())
    throw new LabelingError("Write both the control and the treatment wording.");
  if (design.control.trim() === design.treatment.trim())
    throw new LabelingError(
      "The control and the treatment are the same: change one of them, or there is no experiment.",
    );
  if (design.options.length < 2) throw new LabelingError("Give at least two answer options.");
  if (!design.options.some((o) => o.name === design.outcome))
    throw new LabelingError(`The outcome “${design.outcome}” is not one of the answer options.`);
  if (design.profiles.length === 0)
    throw new LabelingError("Describe at least one respondent profile.");
  if (design.profiles.length > MAX_PROFILES)
    throw new LabelingError(
      `Use at most ${MAX_PROFILES} profiles (you have ${design.profiles.length}).`,
    );
  const ids = new Set<string>();
  for (const p of design.profiles) {
    if (!p.id.trim() || !p.description.trim())
      throw new LabelingError("Each profile needs a name and a description, as name: description.");
    if (ids.has(p.id)) throw new LabelingError(`The profile “${p.id}” appears twice.`);
    ids.add(p.id);
  }
  if (
    !Number.isInteger(design.respondents) ||
    design.respondents < 1 ||
    design.respondents > MAX_RESPONDENTS
  )
    throw new LabelingError(`Respondents per group must be from 1 to ${MAX_RESPONDENTS}.`);
}

export const itemId = (profile: string, condition: Condition): string => `${profile}|${condition}`;

/** What one simulated respondent reads: who they are, the scenario, the condition's text, the question. */
export function respondentPrompt(
  design: SurveyDesign,
  profile: Profile,
  condition: Condition,
): string {
  const parts = [
    `You are ${profile.description.trim()}. Answer the survey question as this person would.`,
    design.preamble.trim(),
    (condition === "control" ? design.control : design.treatment).trim(),
    design.question.trim(),
  ];
  return parts.filter(Boolean).join("\n\n");
}

/** Every profile × condition as an item (its text is the respondent's prompt). */
export function surveyItems(design: SurveyDesign): LabelItem[] {
  return design.profiles.flatMap((profile) =>
    CONDITIONS.map((condition) => ({
      id: itemId(profile.id, condition),
      text: respondentPrompt(design, profile, condition),
    })),
  );
}

/** The labeling task: options as labels, one vote per respondent, sampled answers (temperature 1). */
export function surveyTask(design: SurveyDesign, model: string): TaskSpec {
  return {
    labels: design.options.map((o) => ({ name: o.name, description: o.text })),
    mode: "single",
    instructions:
      "You take part in a survey. Read who you are and the scenario, then choose the one answer option this person would choose.",
    template: "{text}",
    examples: [],
    model,
    parameters: { temperature: 1 },
    votes: design.respondents,
  };
}
