/**
 * A statistic that can be undefined: agreement measures are ratios, and some
 * data make them 0/0 (no items, or every rating the same label). Then there is
 * no number to show, only a reason, and a caller cannot mistake it for 0 or 1.
 */
export type Statistic = { value: number; reason?: never } | { value: undefined; reason: string };

export const defined = (value: number): Statistic => ({ value });

export const undefinedBecause = (reason: string): Statistic => ({ value: undefined, reason });
