// What `npm run generate` writes from the source (the docs' page of checks and package.json's
// `milestones.rules` setting, from the rule registry) is what the repository holds: neither can
// drift from the rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles } from '../../scripts/generated';

const root = join(__dirname, '../..');

test('the generated files are up to date (run `npm run generate` after changing a rule)', () => {
  for (const { path, text } of generatedFiles(readFileSync(join(root, 'package.json'), 'utf8'))) {
    assert.equal(readFileSync(join(root, path), 'utf8'), text, `${path} is not what \`npm run generate\` writes`);
  }
});
