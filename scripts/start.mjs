// `npm start`: the extension in a real VS Code, served to your browser by code-server. Builds and
// packages the extension, installs code-server into its cache when it is not there (as
// .ci/install-code-server.sh does), installs the .vsix, opens examples/ and prints the URL.
// Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = process.env.MILESTONES_CODE_SERVER_DIR ?? join(homedir(), '.cache/milestones-code-server');
const entry = join(cache, 'node_modules/code-server/out/node/entry.js');
const profile = join(cache, 'start'); // settings, extensions and state of `npm start`, kept between runs
const vsix = join(root, 'dist/milestone-yaml.vsix');
// What code-server's install builds with (see .ci/run): ripgrep, headers and a compiler.
const systemPackages = ['ripgrep', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'g++', 'make', 'python3'];

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

/** The Debian packages code-server's install needs that are not installed; none when dpkg is absent. */
function missingPackages() {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) return [];
  return systemPackages.filter((name) => {
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !status.stdout?.includes('install ok installed');
  });
}

run('npm', ['run', 'package', '--silent'], 'packaging the extension');

if (!existsSync(entry)) {
  const missing = missingPackages();
  if (missing.length > 0) {
    console.error(`npm start: code-server needs system packages to install. Install them, then run npm start again:\n\n  sudo apt-get install ${missing.join(' ')}\n`);
    process.exit(1);
  }
  console.log(`Installing code-server into ${cache} (once)…`);
  run('bash', [join(root, '.ci/install-code-server.sh')], 'installing code-server');
}

const common = ['--user-data-dir', join(profile, 'user-data'), '--extensions-dir', join(profile, 'extensions'), '--disable-telemetry', '--disable-update-check'];
mkdirSync(join(profile, 'user-data/User'), { recursive: true });
const settings = join(profile, 'user-data/User/settings.json');
if (!existsSync(settings)) writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false }, null, 2));
run(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], 'installing the extension into code-server');

const folder = join(root, 'examples');
const port = process.env.PORT ?? '0';
const server = spawn(process.execPath, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', folder], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const read = (chunk) => {
  output += chunk.toString();
  const listening = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(output);
  if (listening && !read.done) {
    read.done = true;
    console.log(`\nMilestone YAML in VS Code, with examples/ open:\n\n  ${listening[1]}/?folder=${encodeURIComponent(folder)}\n\nCtrl-C stops it.`);
  }
};
server.stdout.on('data', read);
server.stderr.on('data', read);
server.on('exit', (code) => {
  if (!stopping) console.error(`npm start: code-server exited (${code}):\n${output}`);
  process.exit(stopping ? 0 : 1);
});

let stopping = false;
const stop = () => {
  stopping = true;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its group: the extension host and the language server too
  } catch {
    process.exit(0);
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
