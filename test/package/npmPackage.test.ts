// The package as other programs install it: `npm pack` (what npm, npx and pre-commit install)
// ships the two bins and nothing else, and the pre-commit hook runs the checker on the repository
// whenever a plan is committed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { root } from './vsix';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('npm pack', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

  test('ships the bins, the spreadsheet reader they load, README, LICENSE and package.json', () => {
    const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path).sort();
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'dist/xlsxSchedule.js', 'package.json']);
    for (const bin of Object.values(manifest.bin)) assert.ok(files.includes(bin.replace(/^\.\//, '')), `${bin} is a bin but does not ship`);
  });

  test('prints only the file name, which pre-commit reads as the package to install', () => {
    // A prepack or prepare script would print its banner there too; the bins are built by
    // postinstall instead, in a checkout (which has esbuild.mjs) and nowhere else.
    const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    assert.equal(execFileSync(npm, ['pack', '--dry-run'], { cwd: root, encoding: 'utf8' }).trim(), `${name}-${version}.tgz`);
    assert.equal(manifest.scripts.prepack, undefined);
    assert.equal(manifest.scripts.prepare, undefined);
    assert.match(manifest.scripts.postinstall!, /existsSync\('esbuild\.mjs'\) && import\('\.\/esbuild\.mjs'\)/);
  });
});

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  const hook = hooks.find((candidate) => candidate.id === 'milestones-check')!;

  test('is milestones-check, run by node on plan files', () => {
    assert.ok(hook, 'no hook milestones-check');
    assert.equal(hook.language, 'node');
    const files = new RegExp(hook.files);
    for (const name of ['plans/a.milestones.yaml', 'b.milestones.yml']) assert.match(name, files);
    for (const name of ['a.yaml', 'milestones.yaml', 'a.milestones.yaml.bak', 'a.milestones.json']) assert.doesNotMatch(name, files);
  });

  test('runs the checker on the whole repository, so IDs in other plans are known', () => {
    // A commit that changes only b, whose milestone lists a feature defined in a.
    const repository = mkdtempSync(join(tmpdir(), 'milestones-hook-'));
    cpSync(join(root, 'test/fixtures/hook'), repository, { recursive: true });
    const [command, ...args] = hook.entry.split(' ');
    const bin = join(root, manifest.bin[command!]!);
    const clean = spawnSync(process.execPath, [bin, ...args, ...(hook.pass_filenames ? ['b.milestones.yaml'] : [])], { cwd: repository, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, '');
  });
});
