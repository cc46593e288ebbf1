/**
 * Registers a widget's custom element only when one of its elements comes near
 * the viewport (or receives focus), so a lesson page ships almost no script
 * until a widget is used. `load` imports the module that calls customElements.define.
 */
export function lazyWidget(tag: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll(tag)];
  if (elements.length === 0 || customElements.get(tag)) return;
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer?.disconnect();
    for (const el of elements) el.removeEventListener("focusin", start);
    load().catch((error: unknown) => {
      for (const el of elements) {
        const box = el.querySelector<HTMLElement>("[data-widget-error]");
        if (box) {
          box.hidden = false;
          box.textContent = `This widget could not load: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
        }
      }
    });
  };
  const observer =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) start();
          },
          {
            rootMargin: "400px 0px",
          },
        )
      : null;
  if (!observer) {
    start();
    return;
  }
  for (const el of elements) {
    observer.observe(el);
    el.addEventListener("focusin", start);
  }
}
