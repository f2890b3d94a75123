// Export of a chart (the timeline's four SVGs, the burndown's one) composed into one standalone SVG whose colours and fonts are
// copied from the computed styles (it is read without the theme's CSS variables), and a PNG drawn from it.
import { layout, type Chart } from './chart';
import { html, svg, text } from './dom';
import type { Host } from './host';

const copied = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'dominant-baseline',
  'text-anchor',
  'visibility',
] as const;

/** Copies the computed styles of `source` and its descendants onto the matching nodes of `target`. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const property of copied) {
    const value = style.getPropertyValue(property);
    if (value !== '') target.setAttribute(property, value);
  }
  if (style.display === 'none') target.setAttribute('display', 'none');
  target.removeAttribute('class');
  target.removeAttribute('tabindex');
  target.removeAttribute('role');
  for (let index = 0; index < source.children.length; index++) inlineStyles(source.children[index]!, target.children[index]!);
}

function part(source: SVGSVGElement, x: number, y: number): SVGGElement {
  const group = svg('g', { transform: `translate(${x} ${y})` });
  for (const child of Array.from(source.children)) {
    const copy = child.cloneNode(true) as Element;
    // Styles are computed while the copy is detached, from the original in the page.
    inlineStyles(child, copy);
    group.appendChild(copy);
  }
  return group;
}

/** Characters XML 1.0 cannot hold; plan text could contain them, the file must still parse. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Standalone SVG text of `parts` (each placed at x, y) over a background, styles inlined. */
export function standaloneSvg(parts: readonly { source: SVGSVGElement; x: number; y: number }[], width: number, height: number, background: string): string {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, version: '1.1' });
  svg('rect', { x: 0, y: 0, width, height, fill: background }, root);
  for (const { source, x, y } of parts) root.appendChild(part(source, x, y));
  return new XMLSerializer().serializeToString(root).replace(notXml, '\uFFFD');
}

export function exportSvg(chart: Chart): { text: string; width: number; height: number } {
  const axis = chart.axis;
  const chartWidth = axis?.width ?? 0;
  const width = layout.labelWidth + chartWidth;
  const height = layout.axisHeight + chart.bodyHeight;
  const background = getComputedStyle(chart.viewport).backgroundColor;
  const text = standaloneSvg(
    [
      { source: chart.body, x: layout.labelWidth, y: layout.axisHeight },
      { source: chart.labels, x: 0, y: layout.axisHeight },
      { source: chart.axisSvg, x: layout.labelWidth, y: 0 },
      { source: chart.corner, x: 0, y: 0 },
    ],
    width,
    height,
    background,
  );
  return { text, width, height };
}

/** A PNG data URL of an exported SVG, at up to twice the size, within what a canvas can hold. */
export async function svgToPng({ text, width, height }: { text: string; width: number; height: number }): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const maxPixels = 40_000_000;
  const maxSide = 32_000;
  const scale = Math.min(2, Math.sqrt(maxPixels / (width * height)), maxSide / width, maxSide / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

/** A PNG data URL of the exported timeline. */
export function exportPng(chart: Chart): Promise<string> {
  return svgToPng(exportSvg(chart));
}

/** The SVG and PNG buttons of a one-chart view's toolbar (the burndown's, the trend's). */
export function exportButtons(toolbar: HTMLElement, exported: (format: 'svg' | 'png') => void): void {
  const actions = html('div', { class: 'toolbar-group' }, toolbar);
  for (const format of ['svg', 'png'] as const) {
    const button = html('button', { class: `tool export-${format}`, type: 'button', 'data-action': `export-${format}`, title: `Export the chart as ${format.toUpperCase()}` }, actions);
    text(button, format.toUpperCase());
    button.addEventListener('click', () => exported(format));
  }
}

/** A one-chart view's chart as a standalone image in `format`, posted to the extension to save. */
export async function postChartImage(host: Host, chart: SVGSVGElement, format: 'svg' | 'png'): Promise<void> {
  const width = Number(chart.getAttribute('width'));
  const height = Number(chart.getAttribute('height'));
  const image = { text: standaloneSvg([{ source: chart, x: 0, y: 0 }], width, height, getComputedStyle(document.body).backgroundColor), width, height };
  host.postMessage({ type: 'exportImage', format, data: format === 'svg' ? image.text : await svgToPng(image) });
}
