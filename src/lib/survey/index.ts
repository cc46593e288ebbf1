export {
  CONDITIONS,
  itemId,
  MAX_PROFILES,
  MAX_RESPONDENTS,
  respondentPrompt,
  surveyItems,
  surveyTask,
  validateDesign,
  type Condition,
  type Profile,
  type SurveyDesign,
  type SurveyOption,
} from "./design";
export {
  difference,
  share,
  surveyResults,
  wilson,
  type Effect,
  type Share,
  type SurveyResults,
} from "./effects";
export { DEFAULT_PROFILES, FRAMING, PUBLISHED } from "./presets";
