// Exercise: the size of the framing effect in Tversky and Kahneman's (1981) study.
// 109 of 152 students chose the sure program when it "saves 200 people" (control);
// 34 of 155 chose it when "400 people will die" (treatment).
import { share } from "lab";

const control = share(109, 152); // { share, low, high, n, chose }: Wilson 95% interval
const treatment = share(34, 155);
console.log({ control, treatment });

// TODO: the effect of the wording, in percentage points (treatment minus control).
export const effect = 0;

// TODO: its 95% interval, in percentage points. Hint: `difference` from "lab" takes two shares.
export const low = 0;
export const high = 0;
console.log({ effect, low, high });
