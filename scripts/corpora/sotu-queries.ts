/**
 * Queries for measuring when a search of the State of the Union passages has
 * a weak best match (asset step "sotu-embeddings"): twenty about subjects the
 * addresses discuss across 1790–2021, twenty about things they never do
 * (everyday life, hobbies, science trivia, keyboard mash). Neither list was
 * tuned to the model's scores.
 */
export const RELATED_QUERIES = [
  "the abolition of slavery",
  "war and the army",
  "taxes and the federal budget",
  "trade with foreign nations and tariffs",
  "the navy and our ships at sea",
  "relations with the Indian tribes",
  "public education and schools",
  "health care costs for families",
  "the national debt",
  "immigration and the border",
  "jobs and unemployment",
  "building railroads and canals",
  "the price of oil and energy independence",
  "terrorism and national security",
  "the currency, gold and silver coinage",
  "farmers and agriculture",
  "peace treaties with European powers",
  "civil rights and equality under the law",
  "the postal service and mail delivery",
  "social security and retirement",
] as const;

export const UNRELATED_QUERIES = [
  "my cat knocked a glass of water off the table",
  "a recipe for chocolate chip cookies",
  "how to tune a guitar string",
  "the offside rule in football",
  "knitting a wool scarf",
  "photosynthesis in green leaves",
  "the best nail polish colours for summer",
  "dinosaurs roamed the earth millions of years ago",
  "how do I reset my wifi router",
  "a poem about the moon and stars",
  "xyzzyqq",
  "the plot of a romantic comedy movie",
  "brushing a dog's teeth",
  "strawberry jam on toast",
  "the rules of chess",
  "quantum entanglement of photons",
  "my favourite pop song lyrics",
  "skateboard tricks at the park",
  "asdf qwerty zxcv",
  "growing tomatoes on a balcony",
] as const;
