// The framing effect in Tversky and Kahneman's (1981) study, with its 95% interval.
import { difference, share, type Share } from "lab";

const control = share(109, 152);
const treatment = share(34, 155);

export function framingEffect(control: Share, treatment: Share) {
  const d = difference(control, treatment);
  return { effect: 100 * d.effect, low: 100 * d.low, high: 100 * d.high };
}

export const { effect, low, high } = framingEffect(control, treatment);
console.log({ effect, low, high });
