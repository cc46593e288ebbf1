/** Small DOM builders the widgets and the classroom share: text always goes in as textContent. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text cut at a word boundary to about `chars` characters. */
export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars).replace(/\s+\S*$/, "")}…`;
}
