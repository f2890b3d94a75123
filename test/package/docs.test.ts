// The README and the pages of docs/ hold together: every relative link and image resolves (a
// heading for each `#anchor`), and every setting, command and rule the extension contributes is
// documented — the settings and rules on their generated pages, each command also where a user
// reads about what it does.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { builtinRegistry } from '../../server/src/service/rules/registry';
import { paletteCommands } from '../../scripts/generated';

const root = join(__dirname, '../..');
const pages = ['README.md', 'CHANGELOG.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const text = (page: string) => readFileSync(join(root, page), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(page: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  // Headings outside code blocks.
  const lines = text(page).replace(/^```[\s\S]*?^```/gm, '').split('\n');
  for (const line of lines) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (!heading) continue;
    const anchor = anchorOf(heading);
    const seen = counts.get(anchor) ?? 0;
    anchors.add(seen === 0 ? anchor : `${anchor}-${seen}`);
    counts.set(anchor, seen + 1);
  }
  return anchors;
}

/** The relative links and images of a page (outside code), with their line. */
function linksOf(page: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  const body = text(page).replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ''));
  body.split('\n').forEach((line, index) => {
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      found.push({ target, line: index + 1 });
    }
  });
  return found;
}

test('every relative link and image of the README and docs/ resolves, anchors included', () => {
  const broken: string[] = [];
  for (const page of pages) {
    for (const { target, line } of linksOf(page)) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : relative(root, join(root, dirname(page), decodeURIComponent(path)));
      if (!existsSync(join(root, file))) {
        broken.push(`${page}:${line}: ${target} (no ${file})`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(anchor)) broken.push(`${page}:${line}: ${target} (no heading #${anchor} in ${file})`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every setting and rule is on its page, and every command is documented where a user reads about it', () => {
  const manifest = JSON.parse(text('package.json')) as Parameters<typeof paletteCommands>[0] & { contributes: { configuration: { properties: Record<string, unknown> } } };
  const settingsPage = text('docs/settings.md');
  for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(settingsPage.includes(`\`${key}\``), `${key} is not on docs/settings.md`);
  const rulesPage = text('docs/rules.md');
  for (const code of builtinRegistry.codes) assert.ok(rulesPage.includes(`\`${code}\``), `${code} is not on docs/rules.md`);
  const prose = pages.filter((page) => page !== 'docs/settings.md').map(text).join('\n').replace(/\s+/g, ' ');
  const undocumented = paletteCommands(manifest).filter(({ title }) => !prose.includes(title.replace(/^Milestones: /, '')));
  assert.deepEqual(undocumented.map(({ title }) => title), []);
});
