// The Burndown view in headless Chromium under its real CSP: the lines drawn with the counts of a
// small plan, the asOf line, the filters, the items behind a hovered point, the baseline revision's
// line, and export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseFromTimeline } from '../../client/src/timeline/messages';
import type { PlanSnapshot } from '../../common/planSnapshot';
import { skipWithout } from '../helpers/externalPrograms';
import { clearPosted, openPage, posted, send, siteAndBrowser } from './harness';
import { createPlanService } from '../../server/src/service';

const planText = `document: TEST-1
asOf: 2021-03-10

milestones:
  DM-1:
    name: Pipelines ready
    due: 2021-01-10
    completed: 2021-01-20
    level: 2
  DM-2:
    name: Alerts <b>flowing</b>
    due: 2021-02-15
    forecast: 2021-04-05
    level: 3
  DLP-1:
    name: Data preview
    due: 2021-01-05
    level: 2
`;

/** The snapshot of the small plan as the server sends it. */
function snapshot(): PlanSnapshot {
  const service = createPlanService();
  service.setFile('file:///workspace/test.milestones.yaml', planText);
  return service.snapshot();
}

let running: ReturnType<typeof siteAndBrowser>;

async function openWith(plan: PlanSnapshot): Promise<Page> {
  const page = await openPage(running.browser, running.site, { path: '/burndown' });
  await send(page, { type: 'plan', plan });
  return page;
}

/** For each line drawn, the counts of its points in order, with their dates. */
function lines(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('svg.burndown-chart g.series', (groups) =>
    Object.fromEntries(groups.map((group) => [group.getAttribute('data-line') ?? '', Array.from(group.querySelectorAll('circle.point')).map((point) => `${point.getAttribute('data-date')}:${point.getAttribute('data-count')}`)])),
  );
}

describe('burndown webview', { skip: skipWithout('the burndown in Chromium', 'chromium') }, () => {
  running = siteAndBrowser();

  test('posts ready, then draws baseline, forecast and achieved with the counts of each month, and the asOf line', async () => {
    const page = await openWith(snapshot());
    assert.equal((await posted(page))[0]!.type, 'ready');
    assert.deepEqual(await lines(page), {
      baseline: ['2021-01-01:3', '2021-02-01:1', '2021-03-01:0', '2021-04-01:0', '2021-05-01:0'],
      forecast: ['2021-01-01:3', '2021-02-01:2', '2021-03-01:2', '2021-04-01:1', '2021-05-01:0'],
      achieved: ['2021-01-01:3', '2021-02-01:2', '2021-03-01:2'],
    });
    // Each line is a polyline through its points.
    assert.deepEqual(await page.$$eval('g.series polyline', (polylines) => polylines.map((line) => line.getAttribute('points')!.split(' ').length)), [5, 5, 3]);
    assert.equal(await page.locator('.asof-line').count(), 1);
    assert.equal(await page.locator('.asof-label').textContent(), 'as of 2021-03-10');
    assert.match(await page.locator('.summary').innerText(), /^3 items counted · as of 2021-03-10/);
    await page.close();
  });

  test('the prefix, level and file filters change the lines, and are kept across a reload', async () => {
    const page = await openWith(snapshot());
    await page.click('button[data-prefix="DLP-"]');
    assert.equal(await page.locator('button[data-prefix="DLP-"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual((await lines(page)).baseline, ['2021-01-01:1', '2021-02-01:0', '2021-03-01:0', '2021-04-01:0']);
    await page.click('button[data-prefix="DM-"]');
    assert.deepEqual((await lines(page)).baseline, ['2021-01-01:3', '2021-02-01:1', '2021-03-01:0', '2021-04-01:0', '2021-05-01:0']);
    await page.click('button[data-prefix="DLP-"]');
    assert.deepEqual((await lines(page)).baseline, ['2021-01-01:2', '2021-02-01:1', '2021-03-01:0', '2021-04-01:0', '2021-05-01:0']);
    await page.selectOption('select.level', '3');
    assert.deepEqual((await lines(page)).forecast, ['2021-02-01:1', '2021-03-01:1', '2021-04-01:1', '2021-05-01:0']);
    await page.fill('input.other-prefix', 'LDM-503-');
    await page.click('button[data-prefix="DM-"]');
    assert.equal(await page.locator('.empty-text').textContent(), 'No item with a due date matches the filters.');
    assert.equal(await page.locator('g.series').count(), 0);
    await page.click('button[data-prefix="DM-"]');
    await page.fill('input.other-prefix', '');
    await page.selectOption('select.level', '');
    assert.deepEqual(await page.$$eval('select.file option', (options) => options.map((option) => option.textContent)), ['All files', 'test.milestones.yaml']);
    await page.selectOption('select.file', 'file:///workspace/test.milestones.yaml');
    assert.equal((await lines(page)).baseline!.length, 5);

    await page.reload();
    await send(page, { type: 'plan', plan: snapshot() });
    assert.equal(await page.locator('button[data-prefix="DM-"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('select.file').inputValue(), 'file:///workspace/test.milestones.yaml');
    assert.equal((await lines(page)).baseline![0], '2021-01-01:2');
    await page.close();
  });

  test('hovering a point lists the items the line took off in the month before, names as text', async () => {
    const page = await openWith(snapshot());
    await page.hover('g.series[data-line="baseline"] circle.point[data-date="2021-02-01"]');
    assert.equal(await page.locator('.point-items h2').textContent(), 'Baseline (due) · 2021-02-01: 1 remaining');
    assert.deepEqual(await page.$$eval('.point-items li', (items) => items.map((item) => item.textContent)), ['DLP-1 Data preview', 'DM-1 Pipelines ready']);
    await page.hover('g.series[data-line="forecast"] circle.point[data-date="2021-05-01"]');
    assert.deepEqual(await page.$$eval('.point-items li', (items) => items.map((item) => item.textContent)), ['DM-2 Alerts <b>flowing</b>']);
    assert.equal(await page.locator('.point-items b').count(), 0);
    await page.hover('g.series[data-line="achieved"] circle.point[data-date="2021-03-01"]');
    assert.equal(await page.locator('.point-items .none').textContent(), 'No item came down in the month before.');
    await page.close();
  });

  test("draws the baseline revision's line when the snapshot carries its dates", async () => {
    const plan = { ...snapshot(), baseline: { revision: 'v1.0', commit: 'abc1234', due: { 'DM-1': '2020-12-20', 'DM-2': '2021-01-15' } } };
    const page = await openWith(plan);
    assert.deepEqual((await lines(page)).revision, ['2020-12-01:2', '2021-01-01:1', '2021-02-01:0', '2021-03-01:0', '2021-04-01:0', '2021-05-01:0']);
    assert.deepEqual(await page.$$eval('g.legend text', (texts) => texts.map((text) => text.textContent)), ['Baseline (due)', 'Forecast', 'Achieved (completed)', 'Baseline revision']);
    assert.match(await page.locator('.summary').innerText(), /baseline v1\.0 \(abc1234\)/);
    await page.close();
  });

  test("colours the lines from the theme's variables, and exports them inlined", async () => {
    const page = await openWith(snapshot());
    // What VS Code does on a theme change: new values of its variables on the page's root.
    await page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-charts-orange', '#123456');
      document.documentElement.style.setProperty('--vscode-charts-blue', '#654321');
    });
    assert.equal(await page.$eval('g.series[data-line="forecast"] polyline', (line) => getComputedStyle(line).stroke), 'rgb(18, 52, 86)');
    assert.equal(await page.$eval('g.series[data-line="achieved"] polyline', (line) => getComputedStyle(line).stroke), 'rgb(101, 67, 33)');
    await clearPosted(page);
    await page.click('button[data-action="export-svg"]');
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 1);
    const svgText = ((await posted(page))[0] as { data: string }).data;
    assert.match(svgText, /<polyline[^>]*stroke="rgb\(18, 52, 86\)"/);
    await page.close();
  });

  test('exports the chart as standalone SVG and PNG in messages the extension accepts, under the CSP', async () => {
    const page = await openWith(snapshot());
    await clearPosted(page);
    await page.click('button[data-action="export-svg"]');
    await page.click('button[data-action="export-png"]');
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 2);
    const [svgMessage, pngMessage] = await posted(page);
    assert.deepEqual(parseFromTimeline(svgMessage), svgMessage);
    assert.deepEqual(parseFromTimeline(pngMessage), pngMessage);
    assert.equal((pngMessage as { format: string }).format, 'png');
    const exported = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        polylines: Array.from(doc.querySelectorAll('polyline')).map((line) => ({ stroke: line.getAttribute('stroke'), points: line.getAttribute('points')!.split(' ').length })),
        classes: doc.querySelectorAll('[class]').length,
      };
    }, (svgMessage as { data: string }).data);
    assert.equal(exported.error, false);
    // Colours inlined from the theme: the lines keep their strokes without the page's CSS.
    assert.deepEqual(exported.polylines.map((line) => line.points), [5, 5, 3]);
    for (const line of exported.polylines) assert.match(line.stroke ?? '', /^rgb/);
    assert.equal(exported.classes, 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });
});
