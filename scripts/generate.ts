// `npm run generate`: writes what is generated from the source so that it cannot drift — the docs'
// page of checks (docs/rules.md) and the `milestones.rules` setting of package.json, from the rule
// registry. test/package/generated.test.ts fails when what is committed differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from './generated';

const root = join(__dirname, '..');
for (const { path, text } of generatedFiles(readFileSync(join(root, 'package.json'), 'utf8'))) {
  const file = join(root, path);
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // a page not written yet
  }
  if (before === text) continue;
  writeFileSync(file, text);
  console.log(`wrote ${path}`);
}
