// Runs the extension-host suite (suite/) in a real VS Code on a copy of examples/:
//   npm run test:vscode                      VS Code downloaded by @vscode/test-electron
//   MILESTONES_VSCODE_PATH=/path/to/code …   a local VS Code instead (no download)
//   npm run test:vscode -- --code-server     code-server's workbench, the tests named in its
//                                            `payload` URL parameter (no desktop VS Code needed)
// The suite is bundled with esbuild into out/vscode-tests/, since the extension host runs plain JS.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startCodeServer } from '../e2e/codeServer';
import { Workbench } from '../e2e/workbench';
import { missingPrograms } from '../helpers/externalPrograms';
import type { SuiteOutcome } from './suite/index';

const root = resolve(__dirname, '../..');
const outDir = join(root, 'out/vscode-tests');

async function bundleSuite(): Promise<string> {
  await build({
    entryPoints: [join(__dirname, 'suite/index.ts'), join(__dirname, 'suite/extension.spec.ts')],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

function workspaceCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-vscode-'));
  cpSync(join(root, 'examples'), folder, { recursive: true });
  return folder;
}

async function runInElectron(testsPath: string, workspace: string): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: process.env.MILESTONES_VSCODE_PATH || undefined,
      version: process.env.MILESTONES_VSCODE_VERSION || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(`The extension-host tests failed or VS Code could not be started: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * code-server's web workbench takes `extensionDevelopmentPath` and `extensionTestsPath` in its
 * `payload` URL parameter; `vscode-remote://` URIs send the tests to its Node extension host.
 * That host's console is not ours, so the suite writes its outcome to a file we wait for.
 */
async function runInCodeServer(testsPath: string, workspace: string): Promise<number> {
  const missing = missingPrograms('code-server', 'chromium');
  if (missing) {
    console.error(missing);
    return 1;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'milestones-vscode-cs-'));
  const results = join(scratch, 'results.json');
  process.env.MILESTONES_VSCODE_RESULTS = results;
  const server = await startCodeServer(scratch, workspace, join(scratch, 'code-server.log'));
  const authority = new URL(server.url).host;
  const remote = (path: string) => `vscode-remote://${authority}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  const workbench = await Workbench.open(server.url, workspace, join(root, 'test-output/vscode'), { payload });
  try {
    const deadline = Date.now() + 180_000;
    while (!existsSync(results) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 500));
    if (!existsSync(results)) {
      await workbench.page.screenshot({ path: join(root, 'test-output/vscode/no-results.png') });
      console.error(`The suite did not report within 180 s; code-server log: ${join(scratch, 'code-server.log')}; screenshot: test-output/vscode/no-results.png`);
      return 1;
    }
    const outcome = JSON.parse(readFileSync(results, 'utf8')) as SuiteOutcome;
    for (const title of outcome.passed) console.log(`  ✓ ${title}`);
    for (const { title, error } of outcome.failed) console.log(`  ✗ ${title}\n${error.replace(/^/gm, '      ')}`);
    console.log(`${outcome.passed.length} passing, ${outcome.failed.length} failing (in code-server)`);
    return outcome.failed.length === 0 && outcome.passed.length > 0 ? 0 : 1;
  } finally {
    await workbench.close();
    server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const testsPath = await bundleSuite();
  const workspace = workspaceCopy();
  const status = process.argv.includes('--code-server') ? await runInCodeServer(testsPath, workspace) : await runInElectron(testsPath, workspace);
  rmSync(workspace, { recursive: true, force: true });
  process.exit(status);
}

void main();
