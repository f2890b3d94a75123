// Float and rescheduling on the timeline, in headless Chromium under the real CSP, on the snapshot the
// server makes of a plan: a float bar after each marker to the latest date it may move to, the
// critical items and the links of their chains marked and the rest dimmed on demand; a marker dragged
// (snapping to days, Escape giving it up) or nudged from the keyboard asks the extension for a move.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FromTimeline } from '../../common/timelineMessages';
import { createPlanService } from '../../server/src/service';
import { skipWithout } from '../helpers/externalPrograms';
import { clearPosted, openPage, posted, send, siteAndBrowser } from './harness';

// M-3 ends the chain (2022-06-01): M-2 has 83 days, M-1 92; F-1 is 11 days past M-1, which it may
// still pass with M-1 pushed: 81 days. With 83 days critical, M-2 and M-3 are, and M-2 → M-3 is a link of their chain.
const plan = `asOf: 2022-01-01
milestones:
  M-1:
    name: one
    due: 2022-03-01
    features: [F-1]
  M-2:
    name: two
    due: 2022-03-10
    predecessors: [M-1]
  M-3:
    name: three
    due: 2022-06-01
    predecessors: [M-2]
features:
  F-1:
    name: f1
    due: 2022-03-12
`;

function snapshot() {
  const service = createPlanService();
  service.setSettings({ criticalFloatDays: 83 });
  service.setFile('file:///workspace/float.milestones.yaml', plan);
  return service.snapshot();
}

let running: ReturnType<typeof siteAndBrowser>;

async function opened(): Promise<Page> {
  const page = await openPage(running.browser, running.site, { width: 1400, height: 600 });
  await send(page, { type: 'plan', plan: snapshot() });
  return page;
}

/** For each body row: its float bar's days and its x from where to where (in days from the expected date), and whether the row is critical. */
function floatBars(page: Page) {
  return page.$$eval('svg.body g.row', (rows) => {
    const perDay = Number(document.querySelector('svg.body')!.getAttribute('data-pixels-per-day'));
    return rows.map((row) => {
      const bar = row.querySelector('.float-bar');
      const due = (row.querySelector('.due:not(.ghost)') as SVGGraphicsElement).getBBox();
      const centre = due.x + due.width / 2;
      const box = bar && (bar as SVGGraphicsElement).getBBox();
      return {
        id: row.getAttribute('data-id'),
        critical: row.classList.contains('critical'),
        bar: box && { days: Number(bar.getAttribute('data-days')), negative: bar.classList.contains('negative'), from: Math.round((box.x - centre) / perDay), to: Math.round((box.x + box.width - centre) / perDay) },
      };
    });
  });
}

/** The centre of an item's due diamond, in the page. */
async function marker(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(`svg.body g.row[data-id="${id}"] .due:not(.ghost)`).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function pixelsPerDay(page: Page): Promise<number> {
  return page.$eval('svg.body', (body) => Number(body.getAttribute('data-pixels-per-day')));
}

const moves = async (page: Page) => (await posted(page)).filter((message): message is Extract<FromTimeline, { type: 'move' }> => message.type === 'move');
const ghost = (page: Page) => page.$$eval('.move-ghost', (ghosts) => ghosts.map((element) => element.querySelector('.move-label')?.textContent ?? ''));

describe('float and moves on the timeline', { skip: skipWithout('the timeline in Chromium', 'chromium') }, () => {
  running = siteAndBrowser();

  test('a float bar after each marker to the latest it may move to; the critical rows and the links of their chains marked', async () => {
    const page = await opened();
    assert.deepEqual(await floatBars(page), [
      { id: 'M-1', critical: false, bar: { days: 92, negative: false, from: 0, to: 92 } },
      { id: 'F-1', critical: true, bar: { days: 81, negative: false, from: 0, to: 81 } },
      { id: 'M-2', critical: true, bar: { days: 83, negative: false, from: 0, to: 83 } },
      { id: 'M-3', critical: true, bar: null },
    ]);
    const arrows = await page.$$eval('svg.body g.arrow', (elements) => elements.map((element) => `${element.getAttribute('data-from')}→${element.getAttribute('data-to')}${element.classList.contains('critical') ? ' critical' : ''}`));
    assert.deepEqual(arrows.sort(), ['M-1→M-2', 'M-2→M-3 critical']);
    // The tooltip says it in words, in red for a critical item.
    const m2 = await marker(page, 'M-2');
    await page.mouse.move(m2.x, m2.y);
    const tip = await page.$$eval('.tooltip .tip-float', (lines) => lines.map((line) => `${line.classList.contains('critical') ? 'critical: ' : ''}${line.textContent ?? ''}`).join(' '));
    assert.match(tip, /^critical: Float: 83 days.*M-3/);
    await page.close();
  });

  test('Critical dims what is not critical, and is kept with the view', async () => {
    const page = await opened();
    const button = page.locator('button[data-action="toggle-critical"]');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    const opacity = (id: string) => page.$eval(`svg.body g.row[data-id="${id}"] .due`, (element) => getComputedStyle(element).opacity);
    assert.equal(await opacity('M-1'), '1');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await opacity('M-1'), '0.25');
    assert.equal(await opacity('M-2'), '1');
    // The view is saved a moment after it changes.
    await page.waitForFunction(() => (JSON.parse(sessionStorage.getItem('timeline-state') ?? '{}') as { criticalOnly?: boolean }).criticalOnly === true);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await send(page, { type: 'plan', plan: snapshot() });
    assert.equal(await page.locator('button[data-action="toggle-critical"]').getAttribute('aria-pressed'), 'true');
    await page.close();
  });

  test('dragging a marker snaps to days, shows the new date, and asks for the move; Escape gives it up; a press alone reveals', async () => {
    const page = await opened();
    const perDay = await pixelsPerDay(page);
    const start = await marker(page, 'M-2');
    await clearPosted(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 6.4 * perDay, start.y + 3, { steps: 6 });
    assert.deepEqual(await ghost(page), ['+6 d · 2022-03-16']);
    await page.mouse.move(start.x + 14.2 * perDay, start.y, { steps: 6 });
    assert.deepEqual(await ghost(page), ['+14 d · 2022-03-24']);
    await page.mouse.up();
    assert.deepEqual(await moves(page), [{ type: 'move', id: 'M-2', days: 14 }]);
    assert.deepEqual(await ghost(page), []);
    // Earlier, then Escape before letting go: nothing is asked.
    await clearPosted(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 5 * perDay, start.y, { steps: 4 });
    assert.deepEqual(await ghost(page), ['−5 d · 2022-03-05']);
    await page.keyboard.press('Escape');
    assert.deepEqual(await ghost(page), []);
    await page.mouse.move(start.x - 9 * perDay, start.y, { steps: 2 });
    await page.mouse.up();
    assert.deepEqual(await posted(page), []);
    // A press without a move is a click: it reveals the item.
    await page.mouse.click(start.x, start.y);
    assert.deepEqual(await posted(page), [{ type: 'reveal', id: 'M-2' }]);
    await page.close();
  });

  test('from the keyboard: Shift+arrows a day, Shift+Page Down a week, Enter asks for the move, Escape gives it up', async () => {
    const page = await opened();
    await clearPosted(page);
    await page.locator('svg.labels g.row.feature[data-id="F-1"]').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+PageDown');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.deepEqual(await ghost(page), ['+8 d · 2022-03-20']);
    await page.keyboard.press('Enter');
    assert.deepEqual(await moves(page), [{ type: 'move', id: 'F-1', days: 8 }]);
    await clearPosted(page);
    await page.keyboard.press('Shift+PageUp');
    assert.deepEqual(await ghost(page), ['−7 d · 2022-03-05']);
    await page.keyboard.press('Escape');
    assert.deepEqual(await ghost(page), []);
    // Enter with nothing moving reveals, as before.
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted(page), [{ type: 'reveal', id: 'F-1' }]);
    await page.close();
  });
});
