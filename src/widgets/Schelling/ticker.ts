/**
 * The play loop: on animation frames, calls `tick` at most `rate()` times a
 * second, skipping frames while `ready()` is false (a step is still running).
 */
export class Ticker {
  /** Animation frames seen while running. */
  frames = 0;
  #on = false;
  #frame = 0;
  #last = 0;
  readonly #rate: () => number;
  readonly #ready: () => boolean;
  readonly #tick: () => void;

  constructor(rate: () => number, ready: () => boolean, tick: () => void) {
    this.#rate = rate;
    this.#ready = ready;
    this.#tick = tick;
  }

  get running(): boolean {
    return this.#on;
  }

  start(): void {
    if (this.#on) return;
    this.#on = true;
    this.#last = 0;
    this.#frame = requestAnimationFrame(this.#loop);
  }

  stop(): void {
    this.#on = false;
    cancelAnimationFrame(this.#frame);
  }

  readonly #loop = (now: number): void => {
    if (!this.#on) return;
    this.frames++;
    // Book the next frame first: a tick that stops the ticker cancels it.
    this.#frame = requestAnimationFrame(this.#loop);
    if (this.#ready() && now - this.#last >= 1000 / this.#rate() - 4) {
      this.#last = now;
      this.#tick();
    }
  };
}
