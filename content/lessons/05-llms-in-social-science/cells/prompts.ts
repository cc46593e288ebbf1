// What each simulated respondent reads: the survey design becomes one prompt per
// profile and wording. Add a profile of your own and look at its two prompts.
import { FRAMING, surveyItems, type SurveyDesign } from "lab";

const design: SurveyDesign = {
  ...FRAMING,
  profiles: [
    ...FRAMING.profiles,
    { id: "farmer", description: "a 58-year-old farmer in Iowa, a Republican" },
  ],
};
const items = surveyItems(design);
console.log(items.find((item) => item.id === "farmer|treatment")?.text);

// One row per prompt: 2 wordings × 5 profiles; × respondents = the requests a model gets.
export default items.map((item) => ({
  prompt: item.id,
  words: item.text.split(/\s+/).length,
  requests: design.respondents,
}));
