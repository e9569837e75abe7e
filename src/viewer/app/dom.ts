/** Children h() accepts: nodes, text (escaped by the DOM), and nothing (skipped). */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Builds an element. Text always goes in as text nodes, never as HTML, so names from the
 * graph cannot inject markup. `on*` attributes given functions become listeners.
 * @example h("button", { type: "button", onclick: () => go(id) }, "Open")
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else
      parent.appendChild(
        typeof child === "object" ? (child as Node) : document.createTextNode(String(child)),
      );
  }
}

/** Replaces an element's content. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

/** The element with this id, or an error naming it (the page's HTML and this code must agree). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element)
    throw new Error(`The viewer page has no element #${id}: index.html and the code that uses it disagree.`);
  return element as T;
}

/**
 * Resolves once the browser has painted what is on the page: after the next frame, or after a
 * second in a hidden tab, which draws no frames. Heavy work waits for it so text shows first.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 1000);
  });
}

/**
 * Lets the browser handle input and paint between two long pieces of work: on a slow phone,
 * each piece is then its own task instead of one task blocking the page for their sum.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
