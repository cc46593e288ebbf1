/**
 * The search page: runs the query in `?q=` against the Pagefind index that
 * `npm run build` writes to dist/pagefind. The index loads only on this page.
 */

import { matchesQuery, mentionLine } from "./search-match";

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  meta: { title?: string };
}
interface PagefindApi {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;

async function loadPagefind(): Promise<PagefindApi> {
  const url = "/pagefind/pagefind.js";
  return (await import(/* @vite-ignore */ url)) as PagefindApi;
}

export async function initSearchPage(): Promise<void> {
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const list = document.querySelector<HTMLOListElement>("[data-search-results]");
  const input = document.querySelector<HTMLInputElement>("#search-query");
  if (!status || !list || !input) return;

  const query = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  input.value = query;
  if (!query) {
    status.textContent = "Type a word or phrase, for example “attention” or “Schelling”.";
    input.focus();
    return;
  }

  status.textContent = `Searching for “${query}”…`;
  let pagefind: PagefindApi;
  try {
    pagefind = await loadPagefind();
  } catch {
    status.textContent =
      "The search index is missing. It is built by `npm run build` (the dev server has none).";
    return;
  }
  const search = await pagefind.search(query);
  // Pagefind's pages are few (one per lesson): read them all, keep the real matches.
  const found = (await Promise.all(search.results.map((r) => r.data()))).filter((r) =>
    matchesQuery(r.content, query),
  );
  const results = found.slice(0, MAX_RESULTS);
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt is escaped text from our own pages with <mark> around hits.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      return item;
    }),
  );
  status.textContent = mentionLine(found.length, query, MAX_RESULTS);
}
