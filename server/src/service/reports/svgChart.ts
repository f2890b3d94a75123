// What the command line's SVG charts (the burndown, the trend) share: the start of a standalone
// document with its size, title and white background, and text escaped for XML.

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The opening lines of a standalone SVG chart: the element, its title (also drawn at `titleX`), a white background. */
export function svgStart(width: number, height: number, title: string, titleX: number): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${titleX}" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
}
