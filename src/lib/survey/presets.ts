/**
 * The default experiment: the "Asian disease" framing problem (Tversky and
 * Kahneman 1981, Science 211: 453–458). Told that the sure program "saves 200
 * people", 72 % of 152 respondents chose it; told that it means "400 people
 * will die", 22 % of 155 did — a framing effect of −50 percentage points.
 */
import type { Profile, SurveyDesign } from "./design";

export const PUBLISHED = {
  citation: "Tversky & Kahneman (1981), Science 211: 453–458",
  control: { share: 0.72, n: 152 },
  treatment: { share: 0.22, n: 155 },
} as const;

export const DEFAULT_PROFILES: Profile[] = [
  { id: "student", description: "a 20-year-old college student in Ohio, a Democrat" },
  { id: "nurse", description: "a 45-year-old nurse in Texas, a Republican" },
  { id: "retiree", description: "a 70-year-old retired teacher in Vermont, an independent" },
  { id: "engineer", description: "a 33-year-old software engineer in California, a Democrat" },
];

export const FRAMING: SurveyDesign = {
  preamble:
    "Imagine that the U.S. is preparing for the outbreak of an unusual Asian disease, which is expected to kill 600 people. Two alternative programs to combat the disease have been proposed. Assume that the exact scientific estimates of the consequences of the programs are as follows:",
  control:
    "If Program A is adopted, 200 people will be saved. If Program B is adopted, there is a 1/3 probability that 600 people will be saved, and a 2/3 probability that no people will be saved.",
  treatment:
    "If Program A is adopted, 400 people will die. If Program B is adopted, there is a 1/3 probability that nobody will die, and a 2/3 probability that 600 people will die.",
  question: "Which of the two programs would you favor?",
  options: [
    { name: "A", text: "Program A (the sure outcome)" },
    { name: "B", text: "Program B (the gamble)" },
  ],
  outcome: "A",
  profiles: DEFAULT_PROFILES,
  respondents: 10,
};
