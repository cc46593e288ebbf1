/** The page's own state as the classroom sees it: its path, query and presented widget. */
import { widgetId, type PageState } from "@/lib/classroom/index";
import { LabWidget } from "../lab-widget";

/** The id a widget is presented under: its state key (the tag name unless set). */
export function widgetKey(el: Element): string {
  return el.getAttribute("state-key") ?? el.localName;
}

export function currentState(): PageState {
  const shown = document.querySelector("[data-presenting]");
  const key = shown ? widgetKey(shown) : null;
  return {
    path: location.pathname,
    query: location.search,
    present: key !== null && widgetId.safeParse(key).success ? key : null,
  };
}

/** The upgraded widgets on the page (a lazy one not yet defined reads the URL when it starts). */
export function widgets(): LabWidget[] {
  return [...document.querySelectorAll("*")].filter(
    (el): el is LabWidget => el instanceof LabWidget,
  );
}
