/**
 * Present mode's scale. The whole widget (type, controls, charts) is drawn
 * with CSS `zoom`, so a widget laid out for a laptop fills a projector:
 * at 1920 × 1080 the widget's 16 px body text shows at about 26 px, and the
 * widget keeps about 1160 × 650 CSS pixels of room to lay itself out in.
 */

/** The layout room, in CSS pixels, a presented widget keeps whatever the screen. */
export const PRESENT_ROOM = { width: 1160, height: 650 } as const;

/** The largest scale: beyond it a widget would have too little room. */
export const MAX_PRESENT_ZOOM = 2.5;

/** The zoom for a screen of `width` × `height` CSS pixels: never below 1 (no shrinking). */
export function presentZoom(width: number, height: number): number {
  if (!(width > 0 && height > 0)) return 1;
  const fit = Math.min(width / PRESENT_ROOM.width, height / PRESENT_ROOM.height);
  return Math.round(Math.min(MAX_PRESENT_ZOOM, Math.max(1, fit)) * 1000) / 1000;
}
