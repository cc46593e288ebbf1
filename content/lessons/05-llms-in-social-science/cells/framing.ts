// Exercise: the size of the framing effect in Tversky and Kahneman's (1981) study.
// 109 of 152 students chose the sure program when it "saves 200 people" (control);
// 34 of 155 chose it when "400 people will die" (treatment).
import { share, type Share } from "lab";

const control = share(109, 152); // { share, low, high, n, chose }: Wilson 95% interval
const treatment = share(34, 155);
console.log({ control, treatment });

// framingEffect should work for any two shares (the checks try others).
export function framingEffect(control: Share, treatment: Share) {
  // TODO: the effect of the wording is treatment minus control, in percentage points (× 100).
  const effect = control.share - treatment.share;
  // TODO: its 95% interval, in percentage points. Hint: `difference` from "lab" takes two shares.
  const low = effect;
  const high = effect;
  return { effect, low, high };
}

export const { effect, low, high } = framingEffect(control, treatment);
console.log({ effect, low, high });
