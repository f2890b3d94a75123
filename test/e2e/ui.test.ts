// End-to-end: the packaged extension installed in code-server (VS Code's workbench and extension
// host) and used through the UI in Chromium, as a user would. Every step leaves a screenshot in
// test-output/e2e/. Skipped without code-server or Chromium, unless MILESTONES_E2E=1 (CI).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { packageExtension, root } from '../package/vsix';
import { skipWithout } from '../helpers/externalPrograms';
import { git } from '../helpers/gitRepo';
import { installExtension, languageServerPids, startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

const outputDir = join(root, 'test-output/e2e');
const planName = 'ldm-564.milestones.yaml';
const pairCodes = /feature-due-after-milestone|feature-open-in-completed-milestone|feature-completed-after-milestone/;
const restartMessage = "Milestone YAML's server stopped and was restarted.";

// A second plan that lists a feature of LDM-564, so that a rename has two files to change.
const secondPlan = `milestones:
  LDM-503-99:
    name: Later checks
    due: 2022-01-01
    features:
      - DM-AP-1
`;

/**
 * The plans' history in 2021, month by month, for the trend and the timeline's baseline: the
 * level-3 milestones of the links example slip and are achieved, and releases of LDM-564 move,
 * each month's due dates given for the items that were elsewhere then; June is the examples as they
 * are. An item not yet achieved in a month has no completion date then.
 */
const history: { date: string; subject: string; due: Record<string, string>; open: string[] }[] = [
  {
    date: '2021-01-29',
    subject: 'January plan',
    due: { 'DM-OR2-1': '2021-04-30', 'DM-OR2-2': '2021-05-14', 'DM-DP01-1': '2021-05-31', 'DM-OR3-1': '2021-12-15', 'DM-DP02-1': '2022-03-31', 'DM-SV-1': '2022-08-31', 'LDM-GEN3': '2021-09-30', 'LDM-503-11': '2021-04-01', 'LDM-503-14a': '2021-05-03', 'LDM-503-13a': '2021-08-02' },
    open: ['DM-OR2-1', 'DM-OR2-2', 'DM-DP01-1'],
  },
  {
    date: '2021-02-26',
    subject: 'February update: ops rehearsal 2 later',
    due: { 'DM-OR2-1': '2021-05-14', 'DM-OR2-2': '2021-05-14', 'DM-DP01-1': '2021-05-31', 'DM-OR3-1': '2021-12-15', 'DM-DP02-1': '2022-03-31', 'DM-SV-1': '2022-08-31', 'LDM-GEN3': '2021-09-30', 'LDM-503-11': '2021-05-03', 'LDM-503-14a': '2021-05-03', 'LDM-503-13a': '2021-08-02' },
    open: ['DM-OR2-1', 'DM-OR2-2', 'DM-DP01-1'],
  },
  {
    date: '2021-03-31',
    subject: 'March update',
    due: { 'DM-OR2-1': '2021-05-28', 'DM-OR2-2': '2021-06-15', 'DM-DP01-1': '2021-05-31', 'DM-OR3-1': '2022-01-31', 'DM-DP02-1': '2022-03-31', 'DM-SV-1': '2022-08-31', 'LDM-GEN3': '2021-09-30', 'LDM-503-11': '2021-05-03', 'LDM-503-14a': '2021-06-01', 'LDM-503-13a': '2021-08-02' },
    open: ['DM-OR2-1', 'DM-OR2-2', 'DM-DP01-1'],
  },
  {
    date: '2021-04-30',
    subject: 'April update: Gen3 parity later',
    due: { 'DM-OR2-1': '2021-05-28', 'DM-OR2-2': '2021-06-15', 'DM-DP01-1': '2021-06-30', 'DM-OR3-1': '2022-01-31', 'DM-DP02-1': '2022-03-31', 'DM-SV-1': '2022-10-14', 'LDM-GEN3': '2021-11-30', 'LDM-503-11': '2021-07-01', 'LDM-503-14a': '2021-06-01', 'LDM-503-13a': '2021-08-02' },
    open: ['DM-OR2-1', 'DM-OR2-2', 'DM-DP01-1'],
  },
  {
    date: '2021-05-28',
    subject: 'May update: ops rehearsal 2 infrastructure in place',
    due: { 'DM-OR3-1': '2022-01-31', 'DM-DP02-1': '2022-05-31', 'DM-SV-1': '2022-10-14', 'LDM-GEN3': '2021-11-30', 'LDM-503-14a': '2021-07-01' },
    open: ['DM-OR2-2', 'DM-DP01-1'],
  },
  { date: '2021-06-30', subject: 'June update', due: {}, open: [] },
];

/** A plan's text with some items' due dates replaced and their completion dates taken away. */
function asThen(text: string, due: Record<string, string>, open: readonly string[]): string {
  let result = text;
  for (const id of new Set([...Object.keys(due), ...open])) {
    result = result.replace(new RegExp(`(\\n  ${id.replace(/[.]/g, '\\.')}:\\n(?:    .*\\n)*?    due: )(\\S+)(\\n    completed: \\S+)?`), (_match, head: string, date: string, completed: string | undefined) => `${head}${due[id] ?? date}${open.includes(id) ? '' : (completed ?? '')}`);
  }
  return result;
}

/** Makes `folder` a git repository whose history is `history`, tagged v2021-01 at its first commit. */
function commitHistory(folder: string, files: readonly string[]): void {
  const texts = new Map(files.map((file) => [file, readFileSync(join(folder, file), 'utf8')]));
  git(folder, ['init', '-q', '-b', 'main']);
  for (const [index, month] of history.entries()) {
    for (const [file, text] of texts) writeFileSync(join(folder, file), asThen(text, month.due, month.open));
    git(folder, ['add', '.']);
    git(folder, ['commit', '-q', '-m', month.subject], month.date);
    if (index === 0) git(folder, ['tag', 'v2021-01']);
  }
}

/** The day `days` after `date` (YYYY-MM-DD). */
function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The 1-based line of the first line of `text` that equals `wanted` once trimmed, after line `from`. */
function lineOf(text: string, wanted: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, at) => at >= from && line.trim() === wanted);
  if (index < 0) throw new Error(`no line "${wanted}" in the plan`);
  return index + 1;
}

describe('the extension in code-server, through the UI', { skip: skipWithout('the end-to-end tests', 'code-server', 'chromium') }, () => {
  let scratch: string;
  let folder: string;
  let server: CodeServer;
  let workbench: Workbench;
  const planPath = () => join(folder, planName);
  const readPlan = () => readFileSync(planPath(), 'utf8');
  // The plan view renders only the rows in sight; each top-level row says how many there are.
  const milestonesInPlanView = async () => Number(await workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first().getAttribute('aria-setsize'));

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'milestones-e2e-'));
    folder = join(scratch, 'plan');
    cpSync(join(root, 'examples'), folder, { recursive: true });
    writeFileSync(join(folder, 'later.milestones.yaml'), secondPlan);
    // A repository with the plans' history, whose January revision the timeline draws as its baseline.
    mkdirSync(join(folder, '.vscode'));
    writeFileSync(join(folder, '.vscode/settings.json'), `${JSON.stringify({ 'milestones.baselineRevision': 'v2021-01' }, null, 2)}\n`);
    commitHistory(folder, [planName, 'ldm-564-links.milestones.yaml']);
    assert.equal(readPlan(), readFileSync(join(root, 'examples', planName), 'utf8'), 'the history ends with the example as it is');
    installExtension(scratch, packageExtension(join(scratch, 'milestone-yaml.vsix')));
    server = await startCodeServer(scratch, folder, join(scratch, 'code-server.log'));
    workbench = await Workbench.open(server.url, folder, outputDir);
  });

  after(async () => {
    await workbench?.close();
    server?.stop();
    // MILESTONES_E2E_KEEP=1 keeps the folder, the code-server log and the user data for a look.
    if (scratch && process.env.MILESTONES_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
    else if (scratch) console.log(`kept ${scratch}`);
  });

  test('opening the plan lists its date problems, with their codes, in the Problems panel', async () => {
    await workbench.step('problems', async () => {
      await workbench.openFile(planName);
      await workbench.runCommand('View: Toggle Maximized Panel');
      let rows: string[] = [];
      await workbench.until('the twenty date problems of LDM-564', async () => {
        rows = await workbench.problems();
        const pairs = rows.filter((row) => pairCodes.test(row)).length;
        return pairs === 20 || `${pairs} date problems in ${rows.length} rows`;
      }, 30_000);
      assert.ok(rows.some((row) => row.includes('DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).') && row.includes('feature-due-after-milestone')), rows.join('\n'));
      assert.ok(rows.some((row) => /\bunknown-acronym\b/.test(row)), 'no unknown-acronym problem listed');
    }, { cleanup: () => workbench.runCommand('View: Toggle Maximized Panel') });
  });

  test('hovering an acronym shows its meaning', async () => {
    await workbench.step('hover', async () => {
      const acronym = workbench.page.locator('.editor-group-container.active .view-line span span', { hasText: /^HSC$/ }).first();
      const hover = workbench.page.locator('.monaco-hover:not(.hidden)', { hasText: 'Hyper Suprime-Cam' });
      // Code lenses arrive late and push the lines down under a pointer already on its way: retry.
      await workbench.until('the hover of HSC', async () => {
        await workbench.page.mouse.move(5, 500);
        await acronym.hover();
        await hover.waitFor({ timeout: 2000 });
        return true;
      });
      await workbench.page.waitForTimeout(300); // let it fade in for the screenshot
      await workbench.docScreenshot('hover', hover, 24);
    });
    await workbench.page.mouse.move(5, 500);
  });

  test('typing in a features list offers the plan\'s feature IDs', async () => {
    const text = readPlan();
    const line = lineOf(text, '- DM-NCSA-3');
    await workbench.step('completion-list', async () => {
      await workbench.goTo(line, 1);
      await workbench.page.keyboard.press('End');
      await workbench.page.keyboard.press('Enter');
      await workbench.page.keyboard.type('- DM-AP-1');
      const rows = workbench.page.locator('.suggest-widget.visible .monaco-list-row');
      let labels: string[] = [];
      // The list the editor opened by itself while the word was half typed may still be showing:
      // close it and ask again (Ctrl+Space) until the answer for the whole word is there.
      await workbench.until('feature IDs for "DM-AP-1" in the suggestions', async () => {
        await workbench.page.keyboard.press('Escape');
        await workbench.page.keyboard.press('Control+Space');
        await rows.first().waitFor({ timeout: 3000 });
        labels = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
        return labels.some((label) => label.startsWith('DM-AP-11')) || labels.join(' | ');
      });
      assert.ok(labels.every((label) => /^DM-/.test(label)), `suggestions that are not feature IDs: ${labels.join(' | ')}`);
    });
    await workbench.step('completion-accepted', async () => {
      // Escape would close the list, so this step must not start with it: pick with the keyboard.
      for (let presses = 0; presses < 20; presses++) {
        const focused = await workbench.page.locator('.suggest-widget.visible .monaco-list-row.focused').getAttribute('aria-label');
        if (focused?.startsWith('DM-AP-11')) break;
        await workbench.page.keyboard.press('ArrowDown');
      }
      await workbench.page.keyboard.press('Enter');
      await workbench.until('the accepted completion in the text', async () => {
        const current = await workbench.currentLineText();
        // The rendered line may already carry its inlay hint ("✓ 2019-10-01") after the ID.
        return /^\s*- DM-AP-11(\s|$)/.test(current) || current;
      });
    }, { keepWidgets: true, cleanup: () => workbench.runCommand('File: Revert File') });
    await workbench.until('the plan reverted', async () => !(await workbench.page.locator('.tabs-container .tab.active.dirty').count()));
    assert.equal(readPlan(), text, 'the completion reached the file on disk');
  });

  test('the lightbulb\'s quick fix edits the file and the problem disappears', async () => {
    const text = readPlan();
    const line = lineOf(text, '- DM-NCSA-8', lineOf(text, 'LDM-503-05:'));
    await workbench.step('quick-fix', async () => {
      await workbench.goTo(line, 9);
      await workbench.page.keyboard.press('Control+.');
      const menu = workbench.page.locator('.action-widget');
      await menu.locator('.monaco-list-row.action', { hasText: 'Remove DM-NCSA-8 from LDM-503-05' }).first().waitFor();
      await workbench.docScreenshot('quick-fix', menu, 32);
      // Offered twice, once for each of the two problems on the line: either does.
      await workbench.pickAction('Remove DM-NCSA-8 from LDM-503-05');
      await workbench.page.keyboard.press('Control+S');
      // The file is read until the save is complete (the editor may truncate it before it writes).
      const expected = text.replace(/( {2}LDM-503-05:[^]*?- DM-NCSA-9\n) {6}- DM-NCSA-8\n/, '$1');
      assert.notEqual(expected, text);
      await workbench.until('the fix saved to disk, removing the listed feature and nothing else', () => {
        const saved = readPlan();
        if (saved === expected) return true;
        if (saved === text) return 'not saved yet';
        const lines = saved.split('\n');
        const differing = expected.split('\n').findIndex((line, index) => line !== lines[index]);
        return `${saved.length} characters saved, line ${differing + 1} differs: ${JSON.stringify(lines[differing])}`;
      });
      await workbench.until('the two problems of DM-NCSA-8 in LDM-503-05 gone', async () => {
        const rows = await workbench.problems();
        const left = rows.filter((row) => /DM-NCSA-8.*LDM-503-05|LDM-503-05.*DM-NCSA-8/.test(row));
        return left.length === 0 || left.join('\n');
      });
    });
  });

  test('the plan view shows every milestone and reveals one on click', async () => {
    const line = lineOf(readPlan(), 'LDM-503-07:');
    await workbench.step('tree', async () => {
      await workbench.page.locator('.activitybar .action-item[aria-label^="Milestones"]').click();
      const rows = workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]');
      await workbench.until('42 milestones in the plan view (LDM-564, the example of predecessor links, later.milestones.yaml)', async () => {
        const count = await milestonesInPlanView();
        return count === 42 || `${count} milestones`;
      });
      await rows.filter({ hasText: 'LDM-503-07' }).click();
      await workbench.cursorAt(line);
    });
  });

  test('Show Timeline opens the webview and it draws the plan', async () => {
    await workbench.step('timeline', async () => {
      await workbench.runCommand('Milestones: Show Timeline');
      const frame = await workbench.webviewFrame('.summary');
      await workbench.until('the timeline summary', async () => {
        const summary = await frame.locator('.summary').innerText();
        return /^42 milestones · 82 features · as of 2021-08-11/.test(summary) || summary;
      });
      const milestones = await frame.locator('g.row.milestone[role="treeitem"]').count();
      assert.equal(milestones, 42);
      assert.ok(await frame.locator('g.row[data-id="LDM-503-05"]').count(), 'no row for LDM-503-05');
    });
  });

  test('the timeline draws an arrow from each predecessor, and its toolbar hides and shows them', async () => {
    const frame = await workbench.webviewFrame('.summary');
    const arrows = frame.locator('g.arrows g.arrow');
    const toggle = frame.locator('button[data-action="toggle-arrows"]');
    await workbench.step('timeline-arrows-hidden', async () => {
      await workbench.until('arrows drawn', async () => (await arrows.count()) > 0 || 'no arrows');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await toggle.click();
      await workbench.until('arrows hidden', async () => (await arrows.count()) === 0 || `${await arrows.count()} arrows`);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    });
    await workbench.step('timeline-arrows', async () => {
      await toggle.click();
      // The whole timeline, milestones only, for the README's picture of the arrows.
      await workbench.runCommand('View: Toggle Maximize Editor Group');
      await frame.locator('button[data-action="collapse-all"]').click();
      // DM-OR2-2 waits for DM-OR2-1 and for LDM-503-11b: both arrows are drawn.
      await workbench.until('the arrows into DM-OR2-2', async () => (await frame.locator('g.arrow[data-to="DM-OR2-2"]').count()) === 2 || `${await arrows.count()} arrows`);
      await workbench.docScreenshot('timeline-arrows', workbench.page.locator('.part.editor'));
    });
    await workbench.runCommand('View: Toggle Maximize Editor Group');
    await frame.locator('button[data-action="expand-all"]').click();
    // The clicks focused the timeline's group; the next steps type in the plan, in the first group.
    await workbench.runCommand('View: Focus First Editor Group');
  });

  test('the timeline highlights what the server says is at the cursor, after the cursor moved twice', async () => {
    await workbench.step('timeline-highlight', async () => {
      const text = readPlan();
      // Two moves in a row: the answer for the first must not win over the second.
      await workbench.goTo(lineOf(text, 'LDM-503-05:') + 1, 7);
      await workbench.goTo(lineOf(text, 'LDM-503-07:') + 1, 7);
      const frame = await workbench.webviewFrame('.summary');
      const highlighted = frame.locator('g.row.highlighted[role="treeitem"]');
      await workbench.until('LDM-503-07 highlighted, and nothing else', async () => {
        const ids = await highlighted.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
        return (ids.length === 1 && ids[0] === 'LDM-503-07') || `highlighted: ${ids.join(', ') || 'none'}`;
      });
      // The README's first picture: the plan with its hints and lenses, the plan view, the timeline following the cursor, the Problems panel.
      await workbench.docScreenshot('vscode');
    });
  });

  test('when the server process dies it is restarted, with one message and no stack trace', async () => {
    await workbench.step('server-restarted', async () => {
      const [pid, ...others] = languageServerPids(server.extensionsDir);
      assert.ok(pid !== undefined && others.length === 0, `expected one language server, found ${[pid, ...others].join(', ')}`);
      process.kill(pid, 'SIGKILL');
      await workbench.until('a new language server', () => {
        const now = languageServerPids(server.extensionsDir);
        return (now.length === 1 && now[0] !== pid) || `servers: ${now.join(', ')}`;
      });
      const toasts = workbench.page.locator('.notifications-toasts .notification-toast');
      await toasts.filter({ hasText: restartMessage }).waitFor({ timeout: 10_000 });
      // Failed requests would show up a moment later: give them the time.
      await workbench.page.waitForTimeout(1500);
      const shown = await toasts.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText));
      assert.equal(shown.length, 1, `notifications: ${shown.join('\n---\n')}`);
      assert.doesNotMatch(shown[0]!, /\n\s*at |Error:/);
    }, { cleanup: () => workbench.runCommand('Notifications: Clear All Notifications') });
    await workbench.step('server-recovered', async () => {
      await workbench.until('the problems back from the new server', async () => {
        const rows = await workbench.problems();
        const pairs = rows.filter((row) => pairCodes.test(row)).length;
        return pairs === 18 || `${pairs} date problems`;
      }, 20_000);
      assert.equal(await milestonesInPlanView(), 42);
    });
  });

  test('after five crashes in three minutes the server stays stopped, and the message\'s Restart brings it back', async () => {
    const datesProblems = async () => (await workbench.problems()).filter((row) => pairCodes.test(row)).length;
    // One crash happened above; four more within the window, each once the new server is serving.
    for (let crash = 2; crash <= 5; crash++) {
      const [pid] = languageServerPids(server.extensionsDir);
      assert.ok(pid, `no language server before crash ${crash}`);
      process.kill(pid, 'SIGKILL');
      if (crash === 5) break;
      await workbench.until(`the server serving again after crash ${crash}`, async () => {
        const now = languageServerPids(server.extensionsDir);
        return (now.length === 1 && now[0] !== pid && (await datesProblems()) === 18) || `servers: ${now.join(', ')}`;
      }, 20_000);
    }
    const stoppedNote = workbench.page.locator('.part.sidebar').getByText("Milestone YAML's server is not running");
    const gaveUp = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped 5 times in 3 minutes and was not restarted' });
    await workbench.step('server-gave-up', async () => {
      await gaveUp.waitFor();
      await workbench.page.waitForTimeout(1500); // a restart would have begun by now
      assert.deepEqual(languageServerPids(server.extensionsDir), []);
      // The plan view keeps the plan as it last was, and says the server is not running.
      await stoppedNote.waitFor();
      assert.equal(await milestonesInPlanView(), 42);
    }, { keepWidgets: true }); // Escape would hide the message, which may already be up
    await workbench.step('server-restarted-from-message', async () => {
      await gaveUp.locator('.monaco-button', { hasText: 'Restart' }).click();
      await workbench.until('a language server again', () => languageServerPids(server.extensionsDir).length === 1);
      await workbench.until('the problems back', async () => (await datesProblems()) === 18 || 'not yet', 20_000);
      await stoppedNote.waitFor({ state: 'detached' });
    }, { keepWidgets: true, cleanup: () => workbench.runCommand('Notifications: Clear All Notifications') });
  });

  test('a rename changes every file, and the tree and timeline follow it', async () => {
    const before = readPlan();
    const line = lineOf(before, '- DM-AP-1');
    const occurrences = before.match(/\bDM-AP-1\b/g)!.length;
    await workbench.step('rename', async () => {
      await workbench.openFile(planName);
      await workbench.goTo(line, 9);
      await workbench.page.keyboard.press('F2');
      const input = workbench.page.locator('.rename-box input');
      await input.waitFor();
      await input.fill('DM-AP-01');
      await workbench.page.keyboard.press('Enter');
      await workbench.until('both files renamed on disk', async () => {
        await workbench.runCommand('File: Save All');
        const texts = [readPlan(), readFileSync(join(folder, 'later.milestones.yaml'), 'utf8')];
        return texts.every((text) => !/DM-AP-1\b/.test(text) && text.includes('DM-AP-01')) || 'not yet';
      });
      assert.equal(readPlan().split('DM-AP-01').length - 1, occurrences);
      const frame = await workbench.webviewFrame('.summary');
      await frame.locator('input[placeholder^="Filter"]').fill('DM-AP-01');
      await frame.locator('g.row[data-id="DM-AP-01"]').first().waitFor({ timeout: 10_000 });
      const firstMilestone = workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
      if ((await firstMilestone.getAttribute('aria-expanded')) !== 'true') await firstMilestone.locator('.monaco-tl-twistie').click();
      await workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="2"]', { hasText: 'DM-AP-01' }).first().waitFor();
    });
  });

  test('Show Burndown draws the remaining items of the plan over time: baseline, forecast, achieved and the baseline revision', async () => {
    await workbench.step('burndown', async () => {
      await workbench.runCommand('Milestones: Show Burndown');
      const frame = await workbench.webviewFrame('.burndown-chart');
      await workbench.until('the four lines of the burndown', async () => {
        const lines = await frame.locator('g.series').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-line')));
        return ['baseline', 'forecast', 'achieved', 'revision'].every((line) => lines.includes(line)) || `lines: ${lines.join(', ') || 'none'}`;
      });
      assert.equal(await frame.locator('.asof-label').textContent(), 'as of 2021-08-11');
      assert.match(await frame.locator('.summary').innerText(), / · baseline v2021-01 \([0-9a-f]{7}\)$/);
      await workbench.shotOfWebview('burndown', frame, 'Milestone Burndown');
    });
  });

  test("the timeline draws the baseline revision's due dates as ghost markers, joined to today's with the slip", async () => {
    await workbench.step('timeline-baseline', async () => {
      await workbench.runCommand('Milestones: Show Timeline');
      const frame = await workbench.webviewFrame('g.row.milestone');
      await frame.locator('input[placeholder^="Filter"]').fill('LDM-503-1');
      await frame.locator('button[data-action="collapse-all"]').click();
      // LDM-503-11 was due 2021-04-01 in January, 2021-07-01 now.
      await workbench.until('the slip of LDM-503-11 since the baseline', async () => {
        const slip = await frame.locator('g.row[data-id="LDM-503-11"] .baseline-slip').textContent({ timeout: 1000 });
        return slip === '+91 d' || `slip: ${slip}`;
      });
      assert.ok((await frame.locator('g.row .due.ghost').count()) >= 3, 'ghost markers for the releases that moved');
      await workbench.shotOfWebview('timeline-baseline', frame, 'Milestone Timeline');
    }, { cleanup: () => workbench.runCommand('View: Focus First Editor Group') });
  });

  test("Show Trend draws the milestone trend from the repository's history: each line rising as it slips, ending on the diagonal", async () => {
    await workbench.step('trend', async () => {
      await workbench.runCommand('Milestones: Show Trend');
      const frame = await workbench.webviewFrame('.trend-chart');
      await frame.locator('select.level option[value="3"]').waitFor({ state: 'attached' });
      await frame.locator('select.level').selectOption('3');
      await workbench.until('the six level-3 milestones', async () => {
        const summary = await frame.locator('.summary').innerText();
        return summary === '6 items over 6 steps (every month) from 2021-01-29 to 2021-06-30' || summary;
      });
      const points = await frame.locator('g.trend-line[data-id="DM-OR2-1"] .point').evaluateAll((marks) => marks.map((mark) => `${mark.getAttribute('data-expected')}${mark.classList.contains('achieved') ? ' achieved' : ''}`));
      assert.deepEqual(points, ['2021-04-30', '2021-05-14', '2021-05-28', '2021-05-28', '2021-05-26 achieved']);
      await frame.locator('g.trend-line[data-id="DM-OR3-1"] .point[data-step="5"]').hover();
      await workbench.until('the commit behind the point', async () => {
        const shown = await frame.locator('.point-items').innerText();
        return /June update/.test(shown) || shown;
      });
      assert.match(await frame.locator('.point-items .expected').innerText(), /^Expected 2022-03-31 · \+59 days since the step before$/);
      await workbench.shotOfWebview('trend', frame, 'Milestone Trend');
    });
  });

  test('the timeline shows float and the critical chains; a marker dragged opens the preview, and pushing what it breaks changes the file', async () => {
    const linksPath = join(folder, 'ldm-564-links.milestones.yaml');
    const settingsPath = join(folder, '.vscode/settings.json');
    const settings = readFileSync(settingsPath, 'utf8');
    const before = readFileSync(linksPath, 'utf8');
    let frame: Frame | undefined;
    await workbench.step('timeline-float', async () => {
      // Items with 90 days of float or less are critical: DM-SV-1 (an end) and the releases it waits
      // for with 83 and 64 days, LDM-503-12a and LDM-503-RSPb; DM-DP02-1 has 138 days.
      writeFileSync(settingsPath, `${JSON.stringify({ ...(JSON.parse(settings) as object), 'milestones.criticalFloatDays': 90 }, null, 2)}\n`);
      // Run alone, this step comes first: the plan opened, its lenses show the server is running.
      const lenses = workbench.page.locator('.monaco-editor .codelens-decoration');
      if ((await lenses.count()) === 0) await workbench.openFile(planName);
      await lenses.first().waitFor();
      await workbench.runCommand('Milestones: Show Timeline');
      frame = await workbench.webviewFrame('g.row.milestone');
      await frame.locator('input[placeholder^="Filter"]').fill('');
      await frame.locator('button[data-action="collapse-all"]').click();
      await workbench.until('the critical chains into DM-SV-1', async () => {
        const links = await frame!.locator('g.arrow.critical').evaluateAll((arrows) => arrows.map((arrow) => `${arrow.getAttribute('data-from')}→${arrow.getAttribute('data-to')}`).sort().join(', '));
        return links === 'LDM-503-12a→DM-SV-1, LDM-503-RSPb→DM-SV-1' || `critical links: ${links || 'none'}`;
      });
      const bar = frame.locator('g.row[data-id="DM-DP02-1"] .float-bar');
      assert.equal(await bar.getAttribute('data-days'), '138');
      const critical = frame.locator('button[data-action="toggle-critical"]');
      await critical.click();
      assert.equal(await critical.getAttribute('aria-pressed'), 'true');
      await workbench.runCommand('View: Toggle Maximize Editor Group');
      await workbench.page.waitForTimeout(500); // the chart redrawn at its new size
      // Zoomed in on the last rows and years, where the chains into DM-SV-1 are.
      const zoomIn = frame.locator('button[data-action="zoom-in"]');
      for (let click = 0; click < 3; click++) await zoomIn.click();
      await frame.locator('.viewport').evaluate((viewport) => {
        viewport.scrollTop = viewport.scrollHeight;
        viewport.scrollLeft = viewport.scrollWidth;
      });
      await workbench.page.waitForTimeout(300); // the rows in sight drawn
      await workbench.docScreenshot('timeline-float', workbench.page.locator('.part.editor'));
      await critical.click();
    });
    const to = { dp02: '', sv1: '' };
    await workbench.step('timeline-move-preview', async () => {
      const page = workbench.page;
      const marker = frame!.locator('svg.body g.row[data-id="DM-DP02-1"] .due:not(.ghost)').first();
      await marker.scrollIntoViewIfNeeded();
      const box = (await marker.boundingBox())!;
      const perDay = Number(await frame!.locator('svg.body').getAttribute('data-pixels-per-day'));
      const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      // About 160 days later, past its 138 days of float: DM-SV-1, which waits for it, would break.
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 160 * perDay, start.y, { steps: 8 });
      const days = Number(await frame!.locator('.move-ghost').getAttribute('data-days'));
      assert.ok(days > 138 && days < 180, `dragged ${days} days`);
      to.dp02 = dayAfter('2022-06-30', days);
      to.sv1 = dayAfter('2022-11-15', days);
      assert.equal(await frame!.locator('.move-ghost .move-label').textContent(), `+${days} d · ${to.dp02}`);
      await workbench.docScreenshot('timeline-drag', frame!.locator('svg.body g.row[data-id="DM-DP02-1"]'), 24);
      await page.mouse.up();
      const title = page.locator('.quick-input-widget .quick-input-title');
      await workbench.until('the preview of the move', async () => (await title.textContent()) === `Move DM-DP02-1's due from 2022-06-30 to ${to.dp02} (+${days} days)` || `title: ${await title.textContent()}`);
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await workbench.until('the pushed milestone in the preview', async () => {
        const shown = await rows.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ')).join(' | '));
        // The label and its description run together in the row's text.
        return new RegExp(`DM-SV-1 ?due 2022-11-15 → ${to.sv1} · float 0 d → 0 d`).test(shown) || shown;
      });
      await workbench.docScreenshot('timeline-move-preview', page.locator('.part.editor'));
    });
    // The preview stays open for the next step, which chooses in it.
    await workbench.step('timeline-move-push', async () => {
      const page = workbench.page;
      await page.locator('.quick-input-widget input').fill('push what it would break');
      const focused = page.locator('.quick-input-list .monaco-list-row.focused');
      await workbench.until('the option that pushes', async () => {
        const text = await focused.innerText();
        return text.includes('Move this and push what it would break') || text;
      });
      await page.keyboard.press('Enter');
      // One workspace edit: both dates, and nothing else, in the file that owns them.
      const expected = before.replace('    due: 2022-06-30\n', `    due: ${to.dp02}\n`).replace('    due: 2022-11-15\n', `    due: ${to.sv1}\n`);
      await workbench.until('both dates moved on disk', async () => {
        await workbench.runCommand('File: Save All');
        return readFileSync(linksPath, 'utf8') === expected || 'not yet';
      });
      // The timeline follows: the milestone pushed is drawn at its new date.
      await workbench.until('the timeline redrawn', async () => {
        const shown = await frame!.locator('svg.labels g.row[data-id="DM-SV-1"] .date-text').textContent({ timeout: 1000 });
        return shown === to.sv1 || `DM-SV-1 shown on ${shown}`;
      });
    }, { keepWidgets: true, cleanup: async () => {
      writeFileSync(settingsPath, settings);
      await workbench.runCommand('View: Toggle Maximize Editor Group');
    } });
  });

  test('Update From Schedule previews what next month\'s export changes as a diff, and Apply writes only that', async () => {
    await workbench.step('update-from-schedule', async () => {
      const before = readPlan();
      const nameOf = (id: string) => new RegExp(`^  ${id}:\\n    name: "?(.*?)"?$`, 'm').exec(before)![1]!;
      // Next month's export, as a scheduling tool writes a CSV: LDM-503-11 forecast later, DM-DAX-9 done.
      const schedule = join(folder, 'schedule-2021-09.csv');
      writeFileSync(schedule, [
        'Activity ID,Name,Type,Baseline Finish,Finish,Actual Finish',
        `LDM-503-11,"${nameOf('LDM-503-11').replace(/\\"/g, '""')}",milestone,2021-07-01,2021-09-30,`,
        `DM-DAX-9,"${nameOf('DM-DAX-9')}",task,2021-07-01,2021-08-02,2021-08-02`,
        '',
      ].join('\r\n'));
      // The plan alone in one group: the webviews beside it would share the picture.
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(planName);
      // The command updates the active editor's plan, and a webview beside it may take the focus back
      // (the command then says to open the plan): made active, and asked again, until its dialog opens.
      const input = workbench.page.locator('.quick-input-widget input');
      const read = workbench.page.locator('.quick-input-widget .monaco-button', { hasText: 'Read Schedule' });
      await workbench.until('the schedule dialog of Update From Schedule', async () => {
        const title = await workbench.page.title();
        if (!title.startsWith(`${planName} `)) {
          await workbench.page.locator('.tabs-container .tab', { hasText: planName }).first().click();
          return `the window is "${title}"`;
        }
        await workbench.runCommand('Milestones: Update From Schedule…');
        return read.waitFor({ timeout: 10_000 }).then(() => true, () => 'no dialog');
      }, 120_000);
      await input.fill(schedule);
      // The dialog's own button, not Enter: an Enter that comes after the dialog has closed would type into the plan.
      await read.click();
      await workbench.page.locator('.tabs-container .tab.active', { hasText: 'updated from schedule-2021-09.csv' }).waitFor({ timeout: 60_000 });
      await workbench.page.locator('.monaco-diff-editor').first().waitFor();
      await workbench.page.waitForTimeout(500); // the diff's decorations, for the picture
      await workbench.docScreenshot('update-from-schedule', workbench.page.locator('.part.editor'));
      await workbench.runCommand('Milestones: Apply Schedule Import');
      await workbench.until('the update saved, changing only the two items', async () => {
        await workbench.runCommand('File: Save All');
        const saved = readPlan();
        if (saved === before) return 'not applied yet';
        const changed = saved.split('\n').filter((line, index) => line !== before.split('\n')[index]);
        return (/forecast: 2021-09-30/.test(saved) && /completed: 2021-08-02/.test(saved) && saved.length - before.length < 80) || `changed lines: ${changed.slice(0, 4).join(' | ')}`;
      });
    });
  });
});
