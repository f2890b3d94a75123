// Element helpers for the timeline. Text from the plan only ever goes in through text nodes and
// plain attributes set here; nothing is parsed as markup and no inline style is written (the CSP forbids it).
export const svgNs = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | null | undefined>;

/** Attributes that would run code or load something; never set from here, whatever the caller passes. */
function isUnsafeAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('on') || lower === 'style' || lower === 'href' || lower === 'xlink:href' || lower === 'src' || lower === 'srcdoc';
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (isUnsafeAttribute(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, String(value));
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  setAttributes(element, attributes);
  parent?.appendChild(element);
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, parent?: Element): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  parent?.appendChild(element);
  return element;
}

/** Appends text as a text node, never as markup. */
export function text<E extends Node>(element: E, content: string): E {
  element.appendChild(document.createTextNode(content));
  return element;
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
