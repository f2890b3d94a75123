// The HTML page of the timeline and burndown webviews: a strict Content-Security-Policy that allows only the
// webview's resource origin and one nonce'd script, the stylesheet, and the bundled script. No vscode import.
export interface TimelineHtmlOptions {
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Stylesheets after the first (the Burndown view's own, over the timeline's). */
  moreStyleUris?: string[];
  title?: string;
  /** The element the script draws in. */
  rootId?: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character]!);
}

/** A fresh nonce: 32 characters of base64url, which the CSP nonce syntax accepts. */
export function makeNonce(): string {
  // Web Crypto: there on the desktop and in the web worker extension host alike.
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export function timelineHtml(options: TimelineHtmlOptions): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(options.nonce)) throw new Error('invalid nonce');
  const source = escapeHtml(options.cspSource);
  const csp = [
    "default-src 'none'",
    `img-src ${source} data:`,
    `style-src ${source}`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${source}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
${(options.moreStyleUris ?? []).map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">\n`).join('')}<title>${escapeHtml(options.title ?? 'Milestone timeline')}</title>
</head>
<body>
<div id="${escapeHtml(options.rootId ?? 'timeline')}"></div>
<script nonce="${options.nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
