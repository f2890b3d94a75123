// Drives VS Code's workbench in Chromium as a user does — keyboard, mouse, what is on screen — and
// saves a screenshot after every step, so that a failure names the picture that shows it.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { saveDocImage } from '../helpers/docImages';
import { chromiumPath } from '../helpers/externalPrograms';


export class Workbench {
  private shotCount = 0;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly shotDir: string,
  ) {}

  /** Opens the workbench on `folder`; `query` adds URL parameters such as `payload`. */
  static async open(url: string, folder: string, shotDir: string, query: Record<string, string> = {}): Promise<Workbench> {
    rmSync(shotDir, { recursive: true, force: true });
    mkdirSync(shotDir, { recursive: true });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // Bounds that detect a hang, not a slow machine: a loaded 2-core runner takes tens of seconds
    // to serve and start the workbench.
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}/?${new URLSearchParams({ folder, ...query })}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 120_000 });
    return new Workbench(browser, page, shotDir);
  }

  /**
   * Runs one step and saves a screenshot of what it left on screen, also when it fails — then the
   * error names the screenshot. A step starts by closing what an earlier one left open (a widget,
   * the palette) with Escape, so that one failure does not fail the rest, unless `keepWidgets` says
   * it goes on from what is on screen (Escape also hides notifications). `cleanup` runs after the
   * screenshot, failed or not.
   */
  async step<T>(name: string, action: () => Promise<T>, options: { cleanup?: () => Promise<void>; keepWidgets?: boolean } = {}): Promise<T> {
    const file = join(this.shotDir, `${String(++this.shotCount).padStart(2, '0')}-${name}.png`);
    try {
      if (!options.keepWidgets) {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Escape');
      }
      const result = await action();
      await this.page.screenshot({ path: file });
      return result;
    } catch (error) {
      await this.page.screenshot({ path: file }).catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`step "${name}" failed (screenshot: ${file}):\n${message}`, { cause: error });
    } finally {
      await options.cleanup?.();
    }
  }

  /**
   * A picture of a webview alone for the docs (test/helpers/docImages.ts): its editor group,
   * focused by a click on its tab (`title`), maximized for the picture, then restored.
   */
  async shotOfWebview(name: string, frame: Frame, title: string): Promise<void> {
    const tab = this.page.locator('.tabs-container .tab', { hasText: title }).first();
    await tab.click();
    await this.runCommand('View: Toggle Maximize Editor Group');
    try {
      const element = await frame.frameElement();
      await this.until(`the webview of ${name} maximized`, async () => ((await element.boundingBox())?.width ?? 0) > 1000 || `${(await element.boundingBox())?.width} pixels wide`);
      await this.page.waitForTimeout(500); // the chart redrawn at its new size
      await saveDocImage(name, await this.page.screenshot({ clip: (await element.boundingBox())! }));
    } finally {
      await tab.click();
      await this.runCommand('View: Toggle Maximize Editor Group');
    }
  }

  /** A picture for the docs (test/helpers/docImages.ts): the page, or what `target` covers, cropped to it with `margin` pixels around. */
  async docScreenshot(name: string, target?: Locator, margin = 8): Promise<string> {
    let clip: { x: number; y: number; width: number; height: number } | undefined;
    if (target) {
      const box = await target.boundingBox();
      if (!box) throw new Error(`docScreenshot ${name}: the target is not on screen`);
      const viewport = this.page.viewportSize() ?? { width: 1400, height: 1000 };
      const x = Math.max(0, Math.floor(box.x - margin));
      const y = Math.max(0, Math.floor(box.y - margin));
      clip = { x, y, width: Math.min(viewport.width - x, Math.ceil(box.width + 2 * margin)), height: Math.min(viewport.height - y, Math.ceil(box.height + 2 * margin)) };
    }
    return saveDocImage(name, await this.page.screenshot({ clip }));
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Quick Open (Ctrl+P): opens a file of the workspace by name. */
  async openFile(name: string): Promise<void> {
    // The palette without its ">" is Quick Open; F1 reaches the workbench wherever the focus is, Ctrl+P not always.
    await this.chooseFromQuickInput('F1', name, name);
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command by its title from the Command Palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.chooseFromQuickInput('F1', `>${title}`, title);
  }

  /**
   * Opens a quick input with `key`, types `query` and presses Enter once the highlighted entry is
   * `label` — under load the list can lag behind the query, and Enter would take what it shows.
   */
  private async chooseFromQuickInput(key: string, query: string, label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused');
    let pressed = false;
    await this.until(`"${label}" chosen in the quick input opened by ${key}`, async () => {
      // Pressed at least once (a quick input still closing, a choice just made, is not the one asked
      // for), and again whenever it has closed: it closes when it loses the focus, which a webview
      // redrawn beside it may take.
      if (!pressed || !(await input.isVisible())) {
        // A webview's frame keeps the keys pressed while it has the focus: give it back to the workbench.
        await this.page.evaluate(() => {
          if (document.activeElement instanceof HTMLIFrameElement) document.activeElement.blur();
        });
        await this.page.keyboard.press(key);
        pressed = true;
        if (!(await input.waitFor({ timeout: 3000 }).then(() => true, () => false))) return `not open after ${key}`;
      }
      // Typed, and typed again when a quick input just shown sets its own value after ours (the palette's ">").
      if ((await input.inputValue({ timeout: 3000 })) !== query) await input.fill(query, { timeout: 3000 });
      const shown = (await focused.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
      if (!shown.startsWith(label)) return `"${shown}" highlighted`;
      await this.page.keyboard.press('Enter');
      return true;
    }, 120_000);
  }

  /** Go to Line (Ctrl+G) in the active editor, 1-based like the status bar. */
  async goTo(line: number, column: number): Promise<void> {
    // Go to Line is an editor command: a step that read the Problems panel left the focus there.
    await this.runCommand('View: Focus Active Editor Group');
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.cursorAt(line, column);
  }

  /** Waits until the status bar shows the cursor at this line and column. */
  async cursorAt(line: number, column?: number): Promise<void> {
    const text = column === undefined ? new RegExp(`^Ln ${line}, Col \\d+`) : new RegExp(`^Ln ${line}, Col ${column}\\b`);
    await this.statusBarItem('status.editor.selection').filter({ hasText: text }).waitFor();
  }

  /** The text of the line the cursor is on, as the active editor renders it. */
  async currentLineText(): Promise<string> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    return editor.evaluate((root) => {
      // The current-line highlight and the line's text sit at the same offset from the top.
      const highlight = root.querySelector('.view-overlays .current-line')?.parentElement as HTMLElement | null;
      const line = Array.from(root.querySelectorAll<HTMLElement>('.view-lines .view-line')).find((candidate) => candidate.style.top === highlight?.style.top);
      return (line?.textContent ?? '').replace(/\u00a0/g, ' ');
    });
  }

  statusBarItem(id: string): Locator {
    return this.page.locator(`.statusbar-item[id="${id}"]`);
  }

  /**
   * Opens the Problems panel and returns the text of every row. The list only renders the rows in
   * view, so it is scrolled with the mouse wheel from top to bottom, collecting rows by index.
   */
  async problems(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    const list = panel.locator('.monaco-list').first();
    await list.locator('.monaco-list-row').first().waitFor();
    const rows = new Map<number, string>();
    const collect = () =>
      list.locator('.monaco-list-row').evaluateAll((elements) =>
        elements.map((element) => [Number(element.getAttribute('data-index')), (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim()] as const),
      );
    // Near the top left, where no notification toast can cover the list.
    await list.hover({ position: { x: 40, y: 30 }, timeout: 3000 });
    await this.scrollToTop(list);
    for (let page = 0; page < 50; page++) {
      const before = rows.size;
      for (const [index, text] of await collect()) rows.set(index, text);
      if (page > 0 && rows.size === before) break;
      await this.page.mouse.wheel(0, 200);
      await this.page.waitForTimeout(50);
    }
    await this.scrollToTop(list);
    return [...rows.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
  }

  // Row 0 (the file) sticks to the top while scrolling; row 1 shows only at the top.
  private async scrollToTop(list: Locator): Promise<void> {
    for (let wheel = 0; wheel < 50 && (await list.locator('.monaco-list-row[data-index="1"]').count()) === 0; wheel++) {
      await this.page.mouse.wheel(0, -2000);
      await this.page.waitForTimeout(50);
    }
    await this.page.mouse.wheel(0, -2000);
  }

  /**
   * Picks an entry of the open action list (the lightbulb menu) with the keyboard: a mouse click
   * would first have to get past the menu's pointer block, which only a real mouse move lifts.
   */
  async pickAction(title: string): Promise<void> {
    const actions = this.page.locator('.action-widget .monaco-list-row.action');
    await actions.filter({ hasText: title }).first().waitFor();
    for (let presses = 0; presses < 50; presses++) {
      const focused = await actions.and(this.page.locator('.focused')).innerText().catch(() => '');
      if (focused.includes(title)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not reach the action "${title}" with the keyboard`);
  }

  /** The frame inside a webview whose page holds `selector` (webviews nest two iframes deep). */
  async webviewFrame(selector: string, timeout = 60_000): Promise<Frame> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`no webview shows ${selector}`);
  }

  /**
   * Waits until `probe` returns true, polling; the error says what was last seen. A probe that
   * throws (the workbench re-rendered what it was reading) counts as "not yet".
   */
  async until(what: string, probe: () => boolean | string | Promise<boolean | string>, timeout = 60_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let last: boolean | string = false;
    while (Date.now() < deadline) {
      try {
        last = await probe();
      } catch (error) {
        last = `an error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
      if (last === true) return;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`timed out waiting for ${what}${typeof last === 'string' ? `; last seen: ${last}` : ''}`);
  }
}
