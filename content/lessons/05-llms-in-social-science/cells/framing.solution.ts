// The framing effect in Tversky and Kahneman's (1981) study, with its 95% interval.
import { difference, share } from "lab";

const control = share(109, 152);
const treatment = share(34, 155);
const d = difference(control, treatment);

export const effect = 100 * d.effect;
export const low = 100 * d.low;
export const high = 100 * d.high;
console.log({ effect, low, high });
