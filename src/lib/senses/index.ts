export { parseDataFile, parseDataLine, splitGloss, type Synset, type WordNetPos } from "./wordnet";
export { splitOf, type Split } from "./split";
