// Runs the timeline, burndown and trend pages in headless Chromium as VS Code would: the HTML from timelineHtml with its
// real CSP, the bundle from dist/webview served from one origin, and a stub of acquireVsCodeApi.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../helpers/externalPrograms';
import { makeNonce, timelineHtml } from '../../client/src/timeline/timelineHtml';
import type { PlanSnapshot } from '../../common/planSnapshot';
import type { FromTimeline, ToTimeline } from '../../common/timelineMessages';
import { createPlanService } from '../../server/src/service';

const root = new URL('../../', import.meta.url);

/** A hand-written snapshot, for cases the drawing must handle whatever the server decides. */
export function loadSnapshot(name: string): PlanSnapshot {
  return JSON.parse(readFileSync(new URL(`test/fixtures/snapshots/${name}.json`, root), 'utf8')) as PlanSnapshot;
}

/** The snapshot of the example plan exactly as the server sends it. */
export function exampleSnapshot(): PlanSnapshot {
  const service = createPlanService();
  service.setFile('file:///workspace/examples/ldm-564.milestones.yaml', readFileSync(new URL('examples/ldm-564.milestones.yaml', root), 'utf8'));
  return service.snapshot();
}

export interface Site {
  origin: string;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const files: Record<string, { path: URL; type: string }> = {
    '/timeline.js': { path: new URL('dist/webview/timeline.js', root), type: 'text/javascript' },
    '/timeline.css': { path: new URL('dist/webview/timeline.css', root), type: 'text/css' },
    '/theme-dark.css': { path: new URL('test/webview/theme-dark.css', root), type: 'text/css' },
    '/burndown.js': { path: new URL('dist/webview/burndown.js', root), type: 'text/javascript' },
    '/burndown.css': { path: new URL('dist/webview/burndown.css', root), type: 'text/css' },
    '/trend.js': { path: new URL('dist/webview/trend.js', root), type: 'text/javascript' },
    '/trend.css': { path: new URL('dist/webview/trend.css', root), type: 'text/css' },
  };
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/') {
      const html = timelineHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/timeline.js`, styleUri: `${origin}/timeline.css` });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (path === '/burndown') {
      // The page as BurndownPanel makes it.
      const html = timelineHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/burndown.js`, styleUri: `${origin}/timeline.css`, moreStyleUris: [`${origin}/burndown.css`], title: 'Milestone burndown', rootId: 'burndown' });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (path === '/trend') {
      // The page as TrendPanel makes it.
      const html = timelineHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/trend.js`, styleUri: `${origin}/timeline.css`, moreStyleUris: [`${origin}/burndown.css`, `${origin}/trend.css`], title: 'Milestone trend', rootId: 'trend' });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = files[path];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * The stub of VS Code's webview API: records posted messages and CSP violations, keeps state across
 * reloads in sessionStorage. A string, because tsx would add helpers to a function that the page lacks.
 */
const stubHost = `
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => {
      const stored = sessionStorage.getItem('timeline-state');
      return stored === null ? undefined : JSON.parse(stored);
    },
    setState: (state) => sessionStorage.setItem('timeline-state', JSON.stringify(state)),
  });
`;

/** `path`: the page, `/` for the timeline (the default), `/burndown` or `/trend`. */
export async function openPage(browser: Browser, site: Site, options: { width?: number; height?: number; path?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
  // A step that cannot happen fails in seconds instead of holding the whole run.
  page.setDefaultTimeout(30_000);
  await page.addInitScript({ content: stubHost });
  await page.goto(site.origin + (options.path ?? '/'));
  await waitForReady(page);
  return page;
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
}

/** Posts a message as the extension would and waits until the page has handled it. */
export async function send(page: Page, message: ToTimeline): Promise<void> {
  await page.evaluate(
    (message) =>
      new Promise<void>((resolve) => {
        window.addEventListener('message', () => setTimeout(resolve, 0), { once: true });
        window.postMessage(message, '*');
      }),
    message,
  );
}

export function posted(page: Page): Promise<FromTimeline[]> {
  return page.evaluate(() => (window as unknown as { __posted: FromTimeline[] }).__posted);
}

export async function clearPosted(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __posted: unknown[] }).__posted.length = 0));
}

export async function useDarkTheme(page: Page, origin: string): Promise<void> {
  await page.evaluate(
    (href) =>
      new Promise<void>((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.onload = () => resolve();
        link.onerror = () => reject(new Error('theme did not load'));
        document.head.appendChild(link);
        document.body.classList.add('vscode-dark');
      }),
    `${origin}/theme-dark.css`,
  );
}

/** Starts the site and the browser before the tests of the suite it is called in, and closes them after. */
export function siteAndBrowser(): { readonly site: Site; readonly browser: Browser } {
  let site: Site | undefined;
  let browser: Browser | undefined;
  before(async () => {
    site = await startSite();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      return site!;
    },
    get browser() {
      return browser!;
    },
  };
}
