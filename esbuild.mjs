// Bundles the programs of the extension: the client (VS Code extension host), the language server,
// the command-line checker and the timeline, burndown and trend webviews (browser pages); and for VS Code for the Web,
// the client for the web worker extension host and the server in a Web Worker (dist/browser/). The
// server and the checker are also the package's bins (`milestones-language-server`, `milestones`).
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = { ...common, platform: 'node', target: 'node18', format: 'cjs' };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The P6 spreadsheet reader (exceljs) is a bundle of its own, loaded when a spreadsheet is imported:
  // the npm package ships it with the bins; the .vsix leaves it out, to stay small.
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, external: ['./xlsxSchedule.js'] },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./xlsxSchedule.js'] },
  { ...node, entryPoints: ['server/src/host/xlsxSchedule.ts'], outfile: 'dist/xlsxSchedule.js' },
  // VS Code for the Web loads a web extension as CommonJS, with `vscode` given to its require.
  { ...common, platform: 'browser', target: 'es2022', format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browser/server.js' },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['webview/src/main.ts'],
    outfile: 'dist/webview/timeline.js',
  },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['webview/src/burndownMain.ts'], outfile: 'dist/webview/burndown.js' },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['webview/src/trendMain.ts'], outfile: 'dist/webview/trend.js' },
];

mkdirSync('dist/webview', { recursive: true });
if (existsSync('webview/media')) cpSync('webview/media', 'dist/webview', { recursive: true });

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // Runnable from a checkout too, as an installed package's bins are.
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(bin, 0o755);
}
