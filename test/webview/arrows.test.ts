// The timeline's predecessor arrows in headless Chromium, on the snapshot the server makes of a
// plan with links: an arrow per link between rows shown, in the colour of a failed check, the
// toggle, the driving path of the highlighted item, the tooltip's predecessors and successors, and
// the arrows in the SVG export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createPlanService } from '../../server/src/service';
import { skipWithout } from '../helpers/externalPrograms';
import { clearPosted, openPage, posted, send, siteAndBrowser } from './harness';

// LDM-503-09 waits for LDM-503-08 (which drives it) and for DM-AP-1; LDM-503-08 waits for
// LDM-503-07 (driving) and LDM-503-02; LDM-503-10 is due before its predecessor LDM-503-09.
const plan = `asOf: 2021-08-11
milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    completed: 2017-12-01
    features: [DM-AP-1]
  LDM-503-07:
    name: Camera data processing
    due: 2019-01-17
    completed: 2019-01-17
  LDM-503-08:
    name: Spectrograph data acquisition
    due: 2019-12-31
    completed: 2019-12-31
    predecessors: [LDM-503-07, LDM-503-02]
  LDM-503-09:
    name: Ops rehearsal for commissioning
    due: 2020-10-07
    completed: 2020-10-07
    predecessors:
      - LDM-503-08
      - DM-AP-1
  LDM-503-10:
    name: DAQ validation
    due: 2020-06-22
    completed: 2020-10-08
    predecessors: [LDM-503-09]
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline
    due: 2017-11-01
    completed: 2017-11-01
`;

function snapshot() {
  const service = createPlanService();
  service.setFile('file:///workspace/links.milestones.yaml', plan);
  return service.snapshot();
}

let running: ReturnType<typeof siteAndBrowser>;

async function opened(): Promise<Page> {
  const page = await openPage(running.browser, running.site);
  await send(page, { type: 'plan', plan: snapshot() });
  return page;
}

/** The arrows drawn: `from→to` with their classes. */
function arrows(page: Page): Promise<string[]> {
  return page.$$eval('svg.body g.arrow', (elements) => elements.map((element) => `${element.getAttribute('data-from')}→${element.getAttribute('data-to')} ${element.getAttribute('class')}`));
}

describe('predecessor arrows on the timeline', { skip: skipWithout('the timeline in Chromium', 'chromium') }, () => {
  running = siteAndBrowser();

  test('an arrow per link between rows shown, from the predecessor’s due marker to the item’s, a failed check in its colour', async () => {
    const page = await opened();
    assert.deepEqual((await arrows(page)).sort(), [
      'DM-AP-1→LDM-503-09 arrow',
      'LDM-503-02→LDM-503-08 arrow',
      'LDM-503-07→LDM-503-08 arrow',
      'LDM-503-08→LDM-503-09 arrow',
      'LDM-503-09→LDM-503-10 arrow severity-warning',
    ]);
    // The arrow leaves the predecessor's diamond on its right and ends at the item's on its left.
    const ends = await page.$eval('svg.body g.arrow[data-from="LDM-503-07"][data-to="LDM-503-08"] .arrow-line', (line) => {
      const path = line as SVGPathElement;
      const length = path.getTotalLength();
      const [start, end] = [path.getPointAtLength(0), path.getPointAtLength(length)];
      // (No function declared in here: the test's compiler would add a helper the page lacks.)
      const [from, to] = ['LDM-503-07', 'LDM-503-08'].map((id) => (document.querySelector(`svg.body g.row[data-id="${id}"] .due`) as SVGGraphicsElement).getBBox()) as [DOMRect, DOMRect];
      return { start: [start.x, start.y], end: [end.x, end.y], from: [from.x + from.width, from.y + from.height / 2], to: [to.x, to.y + to.height / 2] };
    });
    assert.ok(Math.abs(ends.start[0]! - ends.from[0]!) < 1 && Math.abs(ends.start[1]! - ends.from[1]!) < 1, JSON.stringify(ends));
    assert.ok(Math.abs(ends.end[0]! - (ends.to[0]! - 1)) < 1 && Math.abs(ends.end[1]! - ends.to[1]!) < 1, JSON.stringify(ends));
    // The late link is drawn in the warning colour, the others muted.
    const colours = await page.$$eval('svg.body g.arrow .arrow-line', (lines) => [...new Set(lines.map((line) => getComputedStyle(line).stroke))]);
    assert.equal(colours.length, 2);
    await page.close();
  });

  test('the toggle hides and shows them, and is kept with the view', async () => {
    const page = await opened();
    const toggle = page.locator('button[data-action="toggle-arrows"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.match((await toggle.getAttribute('title')) ?? '', /Hide the arrows of 5 predecessor links/);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await arrows(page), []);
    // The view is saved a moment after it changes.
    await page.waitForFunction(() => (JSON.parse(sessionStorage.getItem('timeline-state') ?? '{}') as { arrows?: boolean }).arrows === false);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await send(page, { type: 'plan', plan: snapshot() });
    assert.equal(await page.locator('button[data-action="toggle-arrows"]').getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await arrows(page), []);
    await page.locator('button[data-action="toggle-arrows"]').click();
    assert.equal((await arrows(page)).length, 5);
    await page.close();
  });

  test('the highlighted item’s driving path stands out and the rest is dimmed', async () => {
    const page = await opened();
    await send(page, { type: 'highlight', id: 'LDM-503-09' });
    assert.equal(await page.$eval('body > *', () => document.querySelector('.path-shown') !== null), true);
    const onPath = await page.$$eval('svg.labels g.row.on-path', (rows) => rows.map((row) => row.getAttribute('data-id')));
    assert.deepEqual(onPath, ['LDM-503-07', 'LDM-503-08', 'LDM-503-09']);
    assert.deepEqual(await page.$$eval('svg.body g.arrow.on-path', (elements) => elements.map((element) => `${element.getAttribute('data-from')}→${element.getAttribute('data-to')}`)), [
      'LDM-503-07→LDM-503-08',
      'LDM-503-08→LDM-503-09',
    ]);
    const opacity = (selector: string) => page.$eval(selector, (element) => Number(getComputedStyle(element).opacity));
    assert.ok((await opacity('svg.body g.arrow[data-from="DM-AP-1"]')) < 0.5);
    assert.equal(await opacity('svg.body g.arrow[data-from="LDM-503-08"]'), 1);
    // An item with no predecessors has no path: nothing is dimmed.
    await send(page, { type: 'highlight', id: 'LDM-503-02' });
    assert.equal(await page.$$eval('.path-shown', (found) => found.length), 0);
    await page.close();
  });

  test('the tooltip lists predecessors, the driving one marked, and successors', async () => {
    const page = await opened();
    await page.locator('svg.body g.row.milestone[data-id="LDM-503-08"] .due').hover({ force: true });
    const lines = await page.locator('.tooltip text').allTextContents();
    assert.ok(lines.includes('Predecessors: LDM-503-07 (driving), LDM-503-02'), JSON.stringify(lines));
    assert.ok(lines.includes('Successors: LDM-503-09'), JSON.stringify(lines));
    await page.close();
  });

  test('the SVG export holds the arrows', async () => {
    const page = await opened();
    await clearPosted(page);
    await page.click('button[data-action="export-svg"]');
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 1);
    const [message] = await posted(page);
    const data = (message as { data: string }).data;
    const count = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('[data-from][data-to]').length, data);
    assert.equal(count, 5);
    await page.close();
  });
});
