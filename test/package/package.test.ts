// The packaged extension: what a user installs holds every file the manifest points to, the
// LICENSE and README, and nothing else — no sources, tests, source maps or node_modules.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { before, describe, test } from 'node:test';
import { packageExtension, readZip, root, type ZipEntry } from './vsix';

// The built bundles, desktop and web, pack to about 950 KB (about 770 KB minified by `npm run
// package`), the README's screenshots to about 450 KB; source maps or node_modules would more than
// double it.
const maxVsixBytes = 1500 * 1024;

/** Every file that package.json names: the entry point, the icons, grammars, schema, configuration. */
interface Manifest {
  main: string;
  browser: string;
  icon: string;
  contributes: {
    languages: { configuration?: string }[];
    grammars: { path: string }[];
    yamlValidation: { url: string }[];
    viewsContainers: { activitybar: { icon?: string }[] };
    views: Record<string, { icon?: string }[]>;
  };
}

function filesNamedByManifest(manifest: Manifest): string[] {
  const contributes = manifest.contributes;
  const named: (string | undefined)[] = [
    manifest.main,
    manifest.browser,
    manifest.icon,
    ...contributes.languages.map((language) => language.configuration),
    ...contributes.grammars.map((grammar) => grammar.path),
    ...contributes.yamlValidation.map((validation) => validation.url),
    ...contributes.viewsContainers.activitybar.map((container) => container.icon),
    ...Object.values(contributes.views).flat().map((view) => view.icon),
  ];
  return [...new Set(named.filter((file): file is string => file !== undefined && file !== '').map((file) => posix.normalize(file)))];
}

describe('npm run package', () => {
  let vsix: string;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    vsix = packageExtension(join(root, 'test-output/package/milestone-yaml.vsix'));
    entries = readZip(vsix);
    names = entries.map((entry) => entry.name);
  });

  test('holds the bundles, the webview, schema, grammar, icons, README and LICENSE', () => {
    for (const file of [
      'extension/package.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/browser/extension.js',
      'extension/dist/browser/server.js',
      'extension/dist/webview/timeline.js',
      'extension/dist/webview/timeline.css',
      'extension/dist/webview/burndown.js',
      'extension/dist/webview/burndown.css',
      'extension/dist/webview/trend.js',
      'extension/dist/webview/trend.css',
      'extension/schemas/milestones.schema.json',
      'extension/syntaxes/milestones.tmLanguage.json',
      'extension/resources/icon.png',
    ]) {
      assert.ok(names.includes(file), `${file} is missing from the vsix; it holds:\n${names.join('\n')}`);
    }
  });

  test('holds every file package.json points to', () => {
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'extension/package.json')!.read().toString('utf8')) as Manifest;
    const named = filesNamedByManifest(manifest);
    assert.ok(named.length >= 6, `expected the manifest to name at least six files, found ${named.join(', ')}`);
    for (const file of named) assert.ok(names.includes(`extension/${file}`), `package.json names ${file}, which is not in the vsix`);
  });

  test('holds no sources, tests, source maps, node_modules or earlier packages', () => {
    const unwanted = names.filter((name) =>
      /\.(ts|map|mjs|vsix)$/.test(name) || /^extension\/(node_modules|test|client|server|common|webview|bench|scripts|examples|\.ci)\//.test(name),
    );
    assert.deepEqual(unwanted, []);
  });

  test('holds every image the README shows, which the extension page reads from the installed folder', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => posix.normalize(match[1]!));
    assert.ok(images.length >= 2, `the README shows ${images.length} images`);
    for (const image of images) assert.ok(names.includes(`extension/${image}`), `the README shows ${image}, which is not in the vsix`);
  });

  test('the icon is a 128×128 PNG', () => {
    const icon = entries.find((entry) => entry.name === 'extension/resources/icon.png')!.read();
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });

  test(`is smaller than ${maxVsixBytes / 1024} KB`, () => {
    const size = statSync(vsix).size;
    assert.ok(size < maxVsixBytes, `${vsix} is ${Math.round(size / 1024)} KB`);
  });
});
