// The timeline webview in headless Chromium under its real CSP: rows, states, the asOf line,
// filters, folding, zoom, pan, reveal, highlight, kept state, export, and text from the plan shown as text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseFromTimeline } from '../../client/src/timeline/messages';
import type { PlanSnapshot } from '../../common/planSnapshot';
import type { FromTimeline } from '../../common/timelineMessages';
import { saveDocImage } from '../helpers/docImages';
import { skipWithout } from '../helpers/externalPrograms';
import { clearPosted, exampleSnapshot, loadSnapshot, openPage, posted, send, siteAndBrowser, useDarkTheme, waitForReady } from './harness';

const small = loadSnapshot('small');
const ldm564 = exampleSnapshot();

let running: ReturnType<typeof siteAndBrowser>;


async function openWith(plan: PlanSnapshot, options?: { width?: number; height?: number }): Promise<Page> {
  const page = await openPage(running.browser, running.site, options);
  await send(page, { type: 'plan', plan });
  return page;
}

/** The rows drawn in the label column, in order: kind, ID and state. */
function labelRows(page: Page): Promise<{ kind: string; id: string; state: string; classes: string }[]> {
  return page.$$eval('svg.labels g.row', (rows) =>
    rows.map((row) => ({
      kind: row.getAttribute('data-kind') ?? '',
      id: row.getAttribute('data-id') ?? '',
      state: row.getAttribute('data-state') ?? '',
      classes: row.getAttribute('class') ?? '',
    })),
  );
}

const ids = async (page: Page) => (await labelRows(page)).map((row) => `${row.kind}:${row.id}`);

/** The centre x of an item's due diamond in the chart body. */
function dueX(page: Page, id: string): Promise<number> {
  return page.$$eval(
    'svg.body g.row',
    (rows, id) => {
      const row = rows.find((candidate) => candidate.getAttribute('data-id') === id)!;
      const box = (row.querySelector('.due:not(.ghost)') as SVGGraphicsElement).getBBox();
      return box.x + box.width / 2;
    },
    id,
  );
}

function pixelsPerDay(page: Page): Promise<number> {
  return page.$eval('svg.body', (body) => Number(body.getAttribute('data-pixels-per-day')));
}

function labelRow(page: Page, id: string, kind = 'milestone') {
  // A CSS string written as JSON: quotes and backslashes in hostile IDs are escaped.
  return page.locator(`svg.labels g.row.${kind}[data-id=${JSON.stringify(id)}]`);
}

describe('timeline webview', { skip: skipWithout('the timeline in Chromium', 'chromium') }, () => {
  running = siteAndBrowser();

  test('posts ready, then draws a row for every milestone and each feature it lists, in snapshot order', async () => {
    const page = await openWith(ldm564);
    const expected: string[] = [];
    for (const milestone of ldm564.milestones) {
      expected.push(`milestone:${milestone.id}`);
      for (const row of milestone.features) expected.push(`feature:${row.id}`);
    }
    assert.deepEqual(await ids(page), expected);
    assert.equal(expected.filter((id) => id.startsWith('milestone:')).length, 35);
    assert.equal((await posted(page))[0]!.type, 'ready');
    // Body rows match label rows one to one.
    assert.equal(await page.locator('svg.body g.row').count(), expected.length);
    // The summary counts the plan.
    assert.match(await page.locator('.summary').innerText(), /35 milestones · 82 features · as of 2021-08-11 · 20 warnings, 14 info/);
    await page.close();
  });

  test('each row carries its state, coloured by class; markers and slip bars follow the dates', async () => {
    const page = await openWith(ldm564);
    // A feature's row has the state the snapshot gives it under the milestone above it.
    let milestone = ldm564.milestones[0]!;
    for (const row of await labelRows(page)) {
      if (row.kind === 'milestone') milestone = ldm564.milestones.find((candidate) => candidate.id === row.id)!;
      const state = row.kind === 'milestone' ? milestone.state : milestone.features.find((feature) => feature.id === row.id)!.state;
      assert.equal(row.state, state, row.id);
      assert.ok(row.classes.includes(`state-${state}`));
    }
    await page.close();

    const smallPage = await openWith(small);
    const body = (id: string, kind = 'milestone') => smallPage.locator(`svg.body g.row.${kind}[data-id="${id}"]`);
    // M-2 is overdue: a due diamond and a bar from due to asOf, no completion mark.
    assert.equal(await body('M-2').locator('.due').count(), 1);
    assert.equal(await body('M-2').locator('.bar.overdue').count(), 1);
    assert.equal(await body('M-2').locator('.done').count(), 0);
    // F-2 was completed late: a bar from due to completion and a completion mark.
    assert.equal(await body('F-2', 'feature').locator('.bar.late').count(), 1);
    assert.equal(await body('F-2', 'feature').locator('.done').count(), 1);
    // M-1 completed early: no bar; the due diamond is hollow.
    assert.equal(await body('M-1').locator('.bar').count(), 0);
    assert.equal(await body('M-1').locator('.due.hollow').count(), 1);
    // Problems are marked with the worst severity: F-4 has an error and an information.
    assert.equal(await labelRow(smallPage, 'F-4', 'feature').locator('.badge.severity-error').count(), 1);
    assert.equal(await body('F-4', 'feature').locator('.marker-badge.severity-error').count(), 1);
    assert.equal(await labelRow(smallPage, 'M-2').locator('.badge.severity-warning').count(), 1);
    assert.equal(await labelRow(smallPage, 'M-3').locator('.badge').count(), 0);
    // A listed feature the plan does not define is shown as such.
    assert.match(await labelRow(smallPage, 'F-9', 'feature').textContent() ?? '', /not defined in the plan/);
    // State colours differ.
    const fill = (id: string) => body(id).locator('.due').evaluate((element) => getComputedStyle(element).fill);
    const colours = new Set([await fill('M-1'), await fill('M-2'), await fill('M-3')]);
    assert.equal(colours.size, 3);
    await smallPage.close();
  });

  test('the asOf line is drawn at the asOf date and labelled', async () => {
    const page = await openWith(small);
    assert.equal(await page.locator('svg.axis .asof-text').textContent(), 'as of 2021-06-01');
    const lineX = Number(await page.locator('svg.body .asof-line').getAttribute('x1'));
    const before = await dueX(page, 'M-2'); // 2021-03-01
    const later = await dueX(page, 'M-3'); // 2022-01-10
    assert.ok(before < lineX && lineX < later, `${before} < ${lineX} < ${later}`);
    // 2021-03-01 → 2021-06-01 is 92 days, 2021-06-01 → 2022-01-10 is 223 days.
    assert.ok(Math.abs((lineX - before) / (later - lineX) - 92 / 223) < 0.02);
    await page.close();
  });

  test('tooltips list the dates, the state and the problems', async () => {
    const page = await openWith(small);
    await page.locator('svg.body g.row.feature[data-id="F-4"] .due').hover();
    const tip = page.locator('.tooltip');
    assert.equal(await tip.getAttribute('visibility'), 'visible');
    const lines = await tip.locator('text').allTextContents();
    assert.deepEqual(lines.slice(0, 4), ['Feature F-4', 'Science platform', 'Due 2021-12-01 · Completed none', 'State: open']);
    assert.ok(lines.includes("● error: Unexpected key 'owner'."));
    assert.ok(lines.includes('● information: Unknown acronym: SQuaRE.'));
    await page.mouse.move(5, 5);
    assert.equal(await tip.getAttribute('visibility'), 'hidden');
    await page.close();
  });

  test('a baseline: a ghost diamond at its due date where the date has moved since, joined to today\'s, with the slip', async () => {
    const page = await openWith({ ...small, baseline: { revision: 'v1', commit: 'abc1234', due: { 'M-2': '2021-03-01', 'M-3': '2021-11-01', 'F-4': '2022-01-10', 'F-3': 'not a date' } } });
    const ghosts = await page.$$eval('svg.body g.row', (rows) =>
      rows.flatMap((row) => (row.querySelector('.due.ghost') ? [`${row.getAttribute('data-id')} ${row.querySelector('.baseline-slip')!.textContent}`] : [])),
    );
    // M-2 has not moved, F-3's baseline date is not one: no ghost for either.
    assert.deepEqual(ghosts, ['M-3 +70 d', 'F-4 −40 d']);
    const ghostX = await page.$eval('svg.body g.row[data-id="M-3"] .due.ghost', (ghost) => {
      const box = (ghost as SVGGraphicsElement).getBBox();
      return box.x + box.width / 2;
    });
    const perDay = await pixelsPerDay(page);
    assert.ok(Math.abs((await dueX(page, 'M-3')) - ghostX - 70 * perDay) < 1, 'the ghost is 70 days before the due date');
    await page.locator('svg.body g.row.feature[data-id="F-4"] .due:not(.ghost)').hover();
    const lines = await page.locator('.tooltip text').allTextContents();
    assert.equal(lines[3], 'Baseline due 2022-01-10 · 40 days earlier now');
    await page.close();
  });

  test('a forecast: in the tooltip with how late it is against the due date', async () => {
    const plan = structuredClone(small);
    plan.features['F-4']!.forecast = '2022-01-30';
    const page = await openWith(plan);
    await page.locator('svg.body g.row.feature[data-id="F-4"] .due').hover();
    const lines = await page.locator('.tooltip text').allTextContents();
    assert.deepEqual(lines.slice(2, 4), ['Due 2021-12-01 · Completed none', 'Forecast 2022-01-30 · 60 days late']);
    await page.close();
  });

  test('the text filter matches IDs and names; the state filter hides states', async () => {
    const page = await openWith(small);
    const all = await ids(page);
    assert.deepEqual(all, ['milestone:M-1', 'feature:F-1', 'feature:F-2', 'milestone:M-2', 'feature:F-3', 'feature:F-9', 'milestone:M-3', 'feature:F-4', 'milestone:M-4']);

    // A matching milestone keeps its features.
    await page.fill('input.filter', 'm-2');
    assert.deepEqual(await ids(page), ['milestone:M-2', 'feature:F-3', 'feature:F-9']);
    // A matching feature keeps its milestone as context.
    await page.fill('input.filter', 'calibrate');
    assert.deepEqual(await ids(page), ['milestone:M-1', 'feature:F-2']);
    assert.match((await labelRows(page))[0]!.classes, /\bcontext\b/);
    await page.fill('input.filter', 'nothing like this');
    assert.deepEqual(await ids(page), []);
    assert.equal(await page.locator('.empty').textContent(), 'No milestone or feature matches the filter.');
    await page.fill('input.filter', '');
    assert.deepEqual(await ids(page), all);

    // Hide open items: M-3, M-4, F-3 and F-4 go; M-3 has no other rows left.
    await page.click('button.state-toggle[data-state="open"]');
    assert.equal(await page.getAttribute('button.state-toggle[data-state="open"]', 'aria-pressed'), 'false');
    assert.deepEqual(await ids(page), ['milestone:M-1', 'feature:F-1', 'feature:F-2', 'milestone:M-2', 'feature:F-9']);
    // Only overdue: M-2 alone.
    await page.click('button.state-toggle[data-state="completed"]');
    await page.click('button.state-toggle[data-state="inconsistent"]');
    await page.click('button.state-toggle[data-state="unknown"]');
    assert.deepEqual(await ids(page), ['milestone:M-2']);
    await page.click('button.state-toggle[data-state="open"]');
    assert.deepEqual(await ids(page), ['milestone:M-2', 'feature:F-3', 'milestone:M-3', 'feature:F-4', 'milestone:M-4']);
    await page.close();
  });

  test('milestones collapse and expand, one by one and all at once', async () => {
    const page = await openWith(small);
    const toggle = labelRow(page, 'M-1').locator('.toggle');
    await toggle.click();
    assert.equal(await labelRow(page, 'M-1').getAttribute('aria-expanded'), 'false');
    assert.deepEqual((await ids(page)).slice(0, 2), ['milestone:M-1', 'milestone:M-2']);
    await toggle.click();
    assert.equal(await labelRow(page, 'M-1').getAttribute('aria-expanded'), 'true');
    assert.deepEqual((await ids(page)).slice(0, 3), ['milestone:M-1', 'feature:F-1', 'feature:F-2']);
    // Folding is not a reveal.
    assert.equal((await posted(page)).filter((message) => message.type === 'reveal').length, 0);

    // From the keyboard: Left folds, Right unfolds.
    await labelRow(page, 'M-2').focus();
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await ids(page), ['milestone:M-1', 'feature:F-1', 'feature:F-2', 'milestone:M-2', 'milestone:M-3', 'feature:F-4', 'milestone:M-4']);
    await page.keyboard.press('ArrowRight');
    assert.equal((await ids(page)).length, 9);

    await page.click('button[data-action="collapse-all"]');
    assert.deepEqual(await ids(page), ['milestone:M-1', 'milestone:M-2', 'milestone:M-3', 'milestone:M-4']);
    await page.click('button[data-action="expand-all"]');
    assert.equal((await ids(page)).length, 9);
    await page.close();
  });

  test('zoom buttons, Ctrl+wheel and Fit change the scale', async () => {
    const page = await openWith(small);
    const fit = await pixelsPerDay(page);
    const span = async () => (await dueX(page, 'M-3')) - (await dueX(page, 'M-2'));
    const fitSpan = await span();
    assert.equal(await page.locator('.zoom-level').textContent(), '100%');

    await page.click('button[data-action="zoom-in"]');
    assert.ok(Math.abs((await pixelsPerDay(page)) / fit - 1.5) < 1e-6);
    assert.ok(Math.abs((await span()) / fitSpan - 1.5) < 0.01);
    assert.equal(await page.locator('.zoom-level').textContent(), '150%');
    await page.click('button[data-action="zoom-in"]');
    assert.ok((await page.$eval('.viewport', (viewport) => viewport.scrollWidth - viewport.clientWidth)) > 0, 'the chart scrolls sideways');

    await page.click('button[data-action="zoom-out"]');
    await page.click('button[data-action="zoom-out"]');
    await page.click('button[data-action="zoom-out"]');
    assert.ok((await pixelsPerDay(page)) < fit);

    await page.click('button[data-action="zoom-reset"]');
    assert.ok(Math.abs((await pixelsPerDay(page)) - fit) < 1e-9);

    // Ctrl+wheel over the chart zooms in around the pointer.
    const box = (await page.locator('svg.body').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((fit) => Number(document.querySelector('svg.body')!.getAttribute('data-pixels-per-day')) > fit * 1.2, fit);
    await page.close();
  });

  test('dragging the chart pans it, and a drag is not a click', async () => {
    const page = await openWith(ldm564, { width: 1200, height: 600 });
    for (let i = 0; i < 3; i++) await page.click('button[data-action="zoom-in"]');
    const scroll = () => page.$eval('.viewport', (viewport) => ({ left: viewport.scrollLeft, top: viewport.scrollTop }));
    const start = await scroll();
    await clearPosted(page);
    const box = (await page.locator('.viewport').boundingBox())!;
    await page.mouse.move(box.x + 900, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 800, box.y + 250, { steps: 5 });
    await page.mouse.move(box.x + 700, box.y + 200, { steps: 5 });
    await page.mouse.up();
    const end = await scroll();
    assert.equal(end.left - start.left, 200);
    assert.equal(end.top - start.top, 100);
    assert.deepEqual(await posted(page), []);
    await page.close();
  });

  test('clicking an item posts reveal with its ID', async () => {
    const page = await openWith(small);
    await clearPosted(page);
    await labelRow(page, 'F-3', 'feature').locator('.label-text').click();
    await page.locator('svg.body g.row.milestone[data-id="M-2"] .due').click();
    // An undefined feature reveals the milestone that lists it.
    await labelRow(page, 'F-9', 'feature').click();
    // The keyboard reveals too.
    await labelRow(page, 'M-3').focus();
    await page.keyboard.press('Enter');
    const reveals = (await posted(page)).filter((message): message is Extract<FromTimeline, { type: 'reveal' }> => message.type === 'reveal');
    assert.deepEqual(reveals, [
      { type: 'reveal', id: 'F-3' },
      { type: 'reveal', id: 'M-2' },
      { type: 'reveal', id: 'M-2' },
      { type: 'reveal', id: 'M-3' },
    ]);
    await page.close();
  });

  test('highlight marks the item and scrolls it into view; null clears it', async () => {
    const page = await openWith(ldm564, { width: 1200, height: 500 });
    const highlighted = () => page.$$eval('svg.labels g.row.highlighted', (rows) => rows.map((row) => row.getAttribute('data-id')));
    const last = ldm564.milestones[ldm564.milestones.length - 1]!.id;
    await send(page, { type: 'highlight', id: last });
    assert.deepEqual(await highlighted(), [last]);
    assert.equal(await page.locator(`svg.body g.row.highlighted`).count(), 1);
    assert.ok((await page.$eval('.viewport', (viewport) => viewport.scrollTop)) > 0);
    const row = (await labelRow(page, last).boundingBox())!;
    const viewport = (await page.locator('.viewport').boundingBox())!;
    assert.ok(row.y >= viewport.y && row.y + row.height <= viewport.y + viewport.height, 'the row is in view');

    // A feature listed by several milestones is marked in each.
    const shared = Object.values(ldm564.features).find((feature) => feature.parents.length > 1)!;
    await send(page, { type: 'highlight', id: shared.id });
    assert.equal((await highlighted()).length, shared.parents.length);
    // Folded away, its milestones are marked instead.
    await page.click('button[data-action="collapse-all"]');
    assert.deepEqual((await highlighted()).sort(), [...shared.parents].sort());

    await send(page, { type: 'highlight', id: null });
    assert.deepEqual(await highlighted(), []);
    await page.close();
  });

  test('zoom, scroll, folded rows and filters are kept through setState and restored after a reload', async () => {
    const page = await openWith(ldm564, { width: 1200, height: 600 });
    await page.click('button[data-action="zoom-in"]');
    await page.click('button[data-action="zoom-in"]');
    await page.fill('input.filter', 'LDM-503');
    await page.click('button.state-toggle[data-state="completed"]');
    const folded = ldm564.milestones.find((milestone) => milestone.state !== 'completed' && milestone.features.length > 0)!.id;
    await labelRow(page, folded).locator('.toggle').click();
    await page.$eval('.viewport', (viewport) => {
      viewport.scrollLeft = 300;
      viewport.scrollTop = 120;
    });
    const zoom = await pixelsPerDay(page);
    const rowsBefore = await ids(page);
    await page.waitForFunction(() => (JSON.parse(sessionStorage.getItem('timeline-state') ?? '{}') as { scrollTop?: number }).scrollTop === 120);

    await page.reload();
    await waitForReady(page);
    await send(page, { type: 'plan', plan: ldm564 });
    assert.equal(await page.inputValue('input.filter'), 'LDM-503');
    assert.equal(await page.getAttribute('button.state-toggle[data-state="completed"]', 'aria-pressed'), 'false');
    assert.equal(await labelRow(page, folded).getAttribute('aria-expanded'), 'false');
    assert.equal(await pixelsPerDay(page), zoom);
    assert.deepEqual(await ids(page), rowsBefore);
    assert.deepEqual(await page.$eval('.viewport', (viewport) => [viewport.scrollLeft, viewport.scrollTop]), [300, 120]);
    await page.close();
  });

  test('exports the chart as standalone SVG and as PNG, in messages the extension accepts', async () => {
    const page = await openWith(small);
    await clearPosted(page);
    await page.click('button[data-action="export-svg"]');
    await page.click('button[data-action="export-png"]');
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length === 2);
    const [svgMessage, pngMessage] = await posted(page);
    assert.equal(svgMessage!.type, 'exportImage');
    assert.deepEqual(parseFromTimeline(svgMessage), svgMessage);
    assert.deepEqual(parseFromTimeline(pngMessage), pngMessage);
    const svgText = (svgMessage as { data: string }).data;
    assert.ok(svgText.startsWith('<svg'));

    // Parsed on its own (no page CSS), it is valid SVG with the rows and colours inlined.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        namespace: root.namespaceURI,
        texts: Array.from(doc.querySelectorAll('tspan.label-id, tspan')).map((node) => node.textContent),
        fills: Array.from(doc.querySelectorAll('path')).map((node) => node.getAttribute('fill')),
        width: Number(root.getAttribute('width')),
      };
    }, svgText);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.namespace, 'http://www.w3.org/2000/svg');
    for (const id of ['M-1', 'M-2', 'M-3', 'M-4', 'F-1', 'F-2', 'F-3', 'F-4', 'F-9']) assert.ok(parsed.texts.includes(id), id);
    assert.ok(parsed.texts.includes('Science platform'));
    assert.ok(parsed.fills.some((fill) => fill === 'rgb(241, 76, 76)'), 'the overdue diamond keeps its red');
    assert.ok(!svgText.includes('var(--'));

    const png = (pngMessage as { data: string }).data;
    assert.ok(png.startsWith('data:image/png;base64,'));
    const bytes = Buffer.from(png.slice('data:image/png;base64,'.length), 'base64');
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(bytes.readUInt32BE(16), Math.floor(parsed.width * 2)); // drawn at twice the size
    await page.close();
  });

  test('the settings\' defaults fold the milestones and set the zoom of a new timeline, not of one with kept state', async () => {
    const page = await openPage(running.browser, running.site);
    await send(page, { type: 'defaults', defaults: { collapseFeatures: true, zoom: 250 } });
    await send(page, { type: 'plan', plan: ldm564 });
    assert.deepEqual(await ids(page), ldm564.milestones.map((milestone) => `milestone:${milestone.id}`));
    assert.equal(await page.locator('.zoom-level').textContent(), '250%');

    // After a reload the kept state wins over the defaults.
    await page.click('button[data-action="expand-all"]');
    await page.click('button[data-action="zoom-reset"]');
    await page.waitForTimeout(200); // the state is saved 100 ms after a change
    await page.reload();
    await waitForReady(page);
    await send(page, { type: 'defaults', defaults: { collapseFeatures: true, zoom: 250 } });
    await send(page, { type: 'plan', plan: ldm564 });
    assert.ok((await ids(page)).some((id) => id.startsWith('feature:')));
    assert.equal(await page.locator('.zoom-level').textContent(), '100%');
    await page.close();
  });

  test('a status says why the plan may be out of date and dims the chart, until it is cleared', async () => {
    const page = await openWith(small);
    const status = page.locator('.status');
    assert.equal(await status.isVisible(), false);
    const message = 'The server is not running: <b>the plan</b> may be out of date.';
    await send(page, { type: 'status', message });
    assert.equal(await status.isVisible(), true);
    assert.equal(await status.textContent(), message);
    assert.equal(await status.locator('b').count(), 0);
    assert.ok(Number(await page.$eval('.viewport', (viewport) => getComputedStyle(viewport).opacity)) < 1);
    await send(page, { type: 'status', message: null });
    assert.equal(await status.isVisible(), false);
    assert.equal(await page.$eval('.viewport', (viewport) => getComputedStyle(viewport).opacity), '1');
    await page.close();
  });

  test('SAFETY: hostile text from the plan is shown as text, runs nothing, and breaks no CSP rule', async () => {
    const hostile = [
      '<img src=x onerror="window.__pwned=1">',
      '</script><script>window.__pwned=1</script>',
      'javascript:window.__pwned=1',
      '</style><style>*{display:none}</style>',
      `${'A'.repeat(9_990)}<b>x</b>`,
      '\u202Egnp.exe\u202C \u2067right-to-left\u2069',
    ];
    const problem = (text: string) => ({ code: text, severity: 'error' as const, message: text });
    const location = { uri: 'javascript:window.__pwned=1', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const plan: PlanSnapshot = {
      asOf: '2021-06-01',
      milestones: hostile.map((text, index) => ({
        id: text + String(index),
        name: text,
        due: index % 2 === 0 ? `2021-0${index + 1}-01` : text,
        completed: index === 0 ? '2021-02-01' : index === 3 ? text : null,
        level: 1,
        progress: 'overdue',
        state: 'overdue',
        problems: [problem(text)],
        location,
        features: [
          { id: `f${index}${text}`, state: 'inconsistent', problems: [problem(text)] },
          { id: `undefined ${text}`, state: 'unknown', problems: [] },
        ],
        // Each names the one before it: arrows and tooltips carry hostile IDs too.
        links: index === 0 ? { predecessors: [], driving: null } : { predecessors: [{ id: hostile[index - 1]! + String(index - 1), worst: 'error' as const }], driving: hostile[index - 1]! + String(index - 1) },
      })),
      features: Object.fromEntries(
        hostile.map((text, index) => [
          `f${index}${text}`,
          { id: `f${index}${text}`, name: text, due: '2021-05-01', completed: text, progress: 'completed', state: 'inconsistent', problems: [problem(text)], location, parents: [text], links: { predecessors: [], driving: null } },
        ]),
      ),
      problemCounts: { error: 12, warning: 0, information: 0, hint: 0 },
    };
    const page = await openWith(plan);

    // Every ID and name is in the page as text, exactly as given.
    const shown = await page.$$eval('svg.labels g.row', (rows) =>
      rows.map((row) => ({ id: row.querySelector('.label-id')!.textContent, name: row.querySelector('.label-name')?.textContent ?? null, kind: row.getAttribute('data-kind') })),
    );
    assert.equal(shown.length, hostile.length * 3);
    hostile.forEach((text, index) => {
      const [milestone, feature, undefinedFeature] = shown.slice(index * 3, index * 3 + 3);
      assert.deepEqual(milestone, { id: text + String(index), name: text, kind: 'milestone' });
      assert.deepEqual(feature, { id: `f${index}${text}`, name: text, kind: 'feature' });
      assert.equal(undefinedFeature!.id, `undefined ${text}`);
    });

    // Hover every row (tooltips render problem codes and messages) and export, then check nothing ran.
    const tooltips: string[] = [];
    for (const row of await page.locator('svg.body g.row').all()) {
      await row.hover({ position: { x: 40, y: 5 } });
      tooltips.push((await page.locator('.tooltip').textContent()) ?? '');
    }
    // Problems are listed as `severity: message`, the hostile message shown as typed (long ones wrapped).
    for (const text of hostile) {
      assert.ok(tooltips.some((tooltip) => tooltip.includes(`error: ${text.slice(0, 40)}`)), `no tooltip shows the problem ${JSON.stringify(text.slice(0, 60))}`);
    }
    await page.click('button[data-action="export-svg"]');
    await page.click('button[data-action="export-png"]');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'exportImage').length === 2);
    // Clicking posts the hostile ID; the extension side refuses it.
    await labelRow(page, hostile[0] + '0').click();
    const reveal = (await posted(page)).find((message) => message.type === 'reveal');
    assert.deepEqual(reveal, { type: 'reveal', id: hostile[0] + '0' });
    assert.equal(parseFromTimeline(reveal), undefined);

    const report = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      images: document.querySelectorAll('img, image, iframe, object, embed, foreignObject').length,
      scripts: Array.from(document.querySelectorAll('script')).map((script) => script.getAttribute('src')),
      styles: document.querySelectorAll('style, [style]').length,
      hrefs: document.querySelectorAll('[href]:not(link), [*|href]:not(link)').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
      violations: (window as unknown as { __violations: unknown[] }).__violations,
      labelsVisible: getComputedStyle(document.querySelector('svg.labels')!).display !== 'none',
    }));
    assert.equal(report.pwned, undefined);
    assert.equal(report.images, 0);
    assert.deepEqual(report.scripts, [`${running.site.origin}/timeline.js`]);
    assert.equal(report.styles, 0);
    assert.equal(report.hrefs, 0);
    assert.equal(report.handlers, 0);
    assert.deepEqual(report.violations, []);
    assert.equal(report.labelsVisible, true);

    // The exported SVG holds the same text as text: it parses, with no elements made from it.
    const svgText = ((await posted(page)).find((message) => message.type === 'exportImage') as { data: string }).data;
    const exported = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        elements: Array.from(new Set(Array.from(doc.querySelectorAll('*')).map((element) => element.localName))).sort(),
        ids: Array.from(doc.querySelectorAll('tspan')).map((node) => node.textContent),
      };
    }, svgText);
    assert.equal(exported.error, false);
    assert.deepEqual(exported.elements, ['circle', 'clipPath', 'defs', 'g', 'line', 'path', 'rect', 'svg', 'text', 'tspan']);
    for (const [index, text] of hostile.entries()) {
      assert.ok(exported.ids.includes(text + String(index)), `the export lacks the ID ${JSON.stringify(text.slice(0, 60))}…`);
    }
    await page.close();
  });

  test('screenshot: the LDM-564 plan in a dark theme', async () => {
    const page = await openPage(running.browser, running.site, { width: 1600, height: 1000 });
    await useDarkTheme(page, running.site.origin);
    await send(page, { type: 'plan', plan: ldm564 });
    await send(page, { type: 'highlight', id: 'LDM-503-09' });
    await page.$eval('.viewport', (viewport) => (viewport.scrollTop = 0));
    // Show a tooltip of an item with problems.
    // The completion marker sits on the due marker when both fall on one day: hover the spot itself.
    await page.locator('svg.body g.row.milestone[data-id="LDM-503-05"] .due').hover({ force: true });
    // The docs' picture of the timeline (`npm run screenshots` refreshes docs/images/timeline.png).
    await saveDocImage('timeline', await page.screenshot());
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });
});
