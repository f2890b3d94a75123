// The Trend view in headless Chromium under its real CSP: a line per item through its expected
// date at each step, ending on the diagonal where achieved; the commit, date, subject and change
// behind a hovered point, names as text; the filters and the steps; why there is no history; export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseFromTimeline } from '../../client/src/timeline/messages';
import type { TrendHistory } from '../../common/trendSeries';
import { TrendReader } from '../../server/src/service/history/trendHistory';
import { skipWithout } from '../helpers/externalPrograms';
import { clearPosted, openPage, posted, send, siteAndBrowser } from './harness';

const plan = (dm1: string, dm2: string, dlp1 = '') => `milestones:
  DM-1:
    name: Pipelines <img src=x onerror="window.__xss=1">
    due: 2021-03-01
${dm1}    level: 2
  DM-2:
    name: Alerts
    due: 2021-06-01
${dm2}    level: 3
${dlp1}`;
const dlp1 = `  DLP-1:
    name: Data preview
    due: 2021-05-01
    level: 2
`;

/** The history the server reads, made by the same reader from versions of a plan: three monthly steps. */
function history(): TrendHistory {
  const reader = new TrendReader();
  const steps = [
    { commit: 'a1b2c3d', date: '2021-01-31', subject: 'January plan', text: plan('', '') },
    { commit: 'b2c3d4e', date: '2021-02-28', subject: 'February: DM-1 slips', text: plan('    forecast: 2021-04-01\n', '', dlp1) },
    { commit: 'c3d4e5f', date: '2021-03-31', subject: 'March: <b>DM-1 done</b>', text: plan('    forecast: 2021-04-01\n    completed: 2021-03-20\n', '    forecast: 2021-07-15\n', dlp1) },
  ];
  for (const step of steps) {
    reader.setPlan('plan.milestones.yaml', 'file:///workspace/plan.milestones.yaml', step.text);
    reader.endStep({ commit: step.commit, date: step.date, subject: step.subject });
  }
  return reader.history();
}

let running: ReturnType<typeof siteAndBrowser>;

async function openWith(trend: TrendHistory | null, reason: string | null = null): Promise<Page> {
  const page = await openPage(running.browser, running.site, { path: '/trend' });
  await send(page, { type: 'trend', every: 'month', history: trend, reason });
  return page;
}

/** For each line drawn, its points as `report date → expected date`, an achieved one marked. */
function lines(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('svg.trend-chart g.trend-line', (groups) =>
    Object.fromEntries(
      groups.map((group) => [group.getAttribute('data-id') ?? '', Array.from(group.querySelectorAll('.point')).map((point) => `${point.getAttribute('data-date')} → ${point.getAttribute('data-expected')}${point.classList.contains('achieved') ? ' achieved' : ''}`)]),
    ),
  );
}

describe('trend webview', { skip: skipWithout('the trend in Chromium', 'chromium') }, () => {
  running = siteAndBrowser();

  test('posts ready, then draws a line per item through its expected dates, ending on the diagonal where achieved', async () => {
    const page = await openWith(history());
    assert.equal((await posted(page))[0]!.type, 'ready');
    assert.deepEqual(await lines(page), {
      'DM-1': ['2021-01-31 → 2021-03-01', '2021-02-28 → 2021-04-01', '2021-03-20 → 2021-03-20 achieved'],
      'DLP-1': ['2021-02-28 → 2021-05-01', '2021-03-31 → 2021-05-01'],
      'DM-2': ['2021-01-31 → 2021-06-01', '2021-02-28 → 2021-06-01', '2021-03-31 → 2021-07-15'],
    });
    // The achieved point lies on the diagonal: its x and y are where the diagonal has them.
    const onDiagonal = await page.evaluate(() => {
      const diagonal = document.querySelector('line.diagonal')!;
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(diagonal.getAttribute(name)));
      const mark = document.querySelector('g[data-id="DM-1"] .point.achieved')!;
      const box = (mark as SVGGraphicsElement).getBBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      return Math.abs(y - (y1! + ((x - x1!) * (y2! - y1!)) / (x2! - x1!)));
    });
    assert.ok(onDiagonal < 1, `the achieved point is ${onDiagonal} px off the diagonal`);
    assert.deepEqual(await page.$$eval('g.trend-line polyline', (polylines) => polylines.map((line) => line.getAttribute('points')!.split(' ').length)), [3, 2, 3]);
    assert.deepEqual(await page.$$eval('g.trend-line .line-label', (labels) => labels.map((label) => label.textContent)), ['DM-1', 'DLP-1', 'DM-2']);
    assert.equal(await page.locator('.summary').innerText(), '3 items over 3 steps (every month) from 2021-01-31 to 2021-03-31');
    await page.close();
  });

  test('hovering or focusing a point shows the commit, its date and subject, the expected date and the change, as text', async () => {
    const page = await openWith(history());
    await page.hover('g[data-id="DM-1"] .point[data-step="1"]');
    assert.equal(await page.locator('.point-items h2').innerText(), 'DM-1 Pipelines <img src=x onerror="window.__xss=1">');
    assert.equal(await page.locator('.point-items .commit').innerText(), 'b2c3d4e · 2021-02-28 · February: DM-1 slips');
    assert.equal(await page.locator('.point-items .expected').innerText(), 'Expected 2021-04-01 · +31 days since the step before');
    await page.focus('g[data-id="DM-1"] .point.achieved');
    assert.equal(await page.locator('.point-items .commit').innerText(), 'c3d4e5f · 2021-03-31 · March: <b>DM-1 done</b>');
    assert.equal(await page.locator('.point-items .expected').innerText(), 'Achieved 2021-03-20 · −12 days since the step before');
    await page.hover('g[data-id="DLP-1"] .point[data-step="1"]');
    assert.equal(await page.locator('.point-items .expected').innerText(), 'Expected 2021-05-01 · its first point');
    assert.equal(await page.locator('.point-items img, .point-items b').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.close();
  });

  test('the prefix, level and file filters choose the lines, and are kept with the steps across a reload', async () => {
    const page = await openWith(history());
    await page.click('button[data-prefix="DLP-"]');
    assert.deepEqual(Object.keys(await lines(page)), ['DLP-1']);
    await page.click('button[data-prefix="DM-"]');
    await page.selectOption('select.level', '2');
    assert.deepEqual(Object.keys(await lines(page)), ['DM-1', 'DLP-1']);
    assert.deepEqual(await page.$$eval('select.file option', (options) => options.map((option) => option.textContent)), ['All files', 'plan.milestones.yaml']);
    await page.fill('input.other-prefix', 'XX-');
    await page.click('button[data-prefix="DM-"]');
    await page.click('button[data-prefix="DLP-"]');
    assert.equal(await page.locator('.empty-text').textContent(), 'No item with an expected date matches the filters.');
    await page.fill('input.other-prefix', '');
    await page.selectOption('select.steps', 'tag');
    assert.deepEqual((await posted(page)).at(-1), { type: 'trendSteps', every: 'tag' });

    await page.reload();
    // The page asks again for the steps it kept.
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((message) => message.type === 'trendSteps'));
    assert.deepEqual((await posted(page)).at(-1), { type: 'trendSteps', every: 'tag' });
    // An answer for other steps is not drawn; the one for the steps chosen is.
    await send(page, { type: 'trend', every: 'month', history: history(), reason: null });
    assert.equal(await page.locator('g.trend-line').count(), 0);
    await send(page, { type: 'trend', every: 'tag', history: history(), reason: null });
    assert.equal(await page.locator('select.steps').inputValue(), 'tag');
    assert.equal(await page.locator('select.level').inputValue(), '2');
    assert.deepEqual(Object.keys(await lines(page)), ['DM-1', 'DLP-1']);
    await page.close();
  });

  test('without a history, the reason is shown', async () => {
    const page = await openWith(null, 'The repository has no commits yet: the trend reads the plan at its commits.');
    assert.equal(await page.locator('.summary').innerText(), 'The repository has no commits yet: the trend reads the plan at its commits.');
    assert.equal(await page.locator('g.trend-line').count(), 0);
    await page.close();
  });

  test("colours the lines from the theme's variables; exports standalone SVG and PNG the extension accepts, under the CSP", async () => {
    const page = await openWith(history());
    await page.evaluate(() => document.documentElement.style.setProperty('--vscode-charts-blue', '#123456'));
    assert.equal(await page.$eval('g.trend-line.colour-0 polyline', (line) => getComputedStyle(line).stroke), 'rgb(18, 52, 86)');
    await clearPosted(page);
    await page.click('button[data-action="export-svg"]');
    await page.click('button[data-action="export-png"]');
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 2);
    const [svgMessage, pngMessage] = await posted(page);
    assert.deepEqual(parseFromTimeline(svgMessage), svgMessage);
    assert.deepEqual(parseFromTimeline(pngMessage), pngMessage);
    const exported = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, strokes: Array.from(doc.querySelectorAll('polyline')).map((line) => line.getAttribute('stroke')), classes: doc.querySelectorAll('[class]').length };
    }, (svgMessage as { data: string }).data);
    assert.equal(exported.error, false);
    assert.deepEqual(exported.strokes[0], 'rgb(18, 52, 86)');
    assert.equal(exported.classes, 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });
});
