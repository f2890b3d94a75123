// Runs code-server — VS Code's own workbench and extension host, served to a browser — with the
// packaged extension installed, on a copy of a folder, for the end-to-end tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerEntry } from '../helpers/externalPrograms';


export interface CodeServer {
  url: string;
  extensionsDir: string;
  stop(): void;
}

// Settings that keep the first start quiet: no welcome page, no trust prompt, no tips, no
// recommendations. Files are saved only when a step saves them (code-server's default saves a
// second after typing, which wrote a half-typed completion to disk) or by a refactoring (a rename),
// so that the tests can read them from disk.
const userSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'files.refactoring.autoSave': true,
  'files.autoSave': 'off',
  'editor.hover.delay': 200,
  'window.commandCenter': false,
};

function codeServerArgs(scratch: string): string[] {
  return [
    codeServerEntry,
    '--config', join(scratch, 'config.yaml'),
    '--user-data-dir', join(scratch, 'user-data'),
    '--extensions-dir', join(scratch, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** Installs the .vsix the way a user would; a folder copied into the extensions dir is not picked up. */
export function installExtension(scratch: string, vsix: string): void {
  const result = spawnSync(process.execPath, [...codeServerArgs(scratch), '--install-extension', vsix], { encoding: 'utf8' });
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`code-server could not install ${vsix}:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Starts code-server on a free port and resolves once it listens. */
export async function startCodeServer(scratch: string, folder: string, log: string): Promise<CodeServer> {
  mkdirSync(join(scratch, 'user-data/User'), { recursive: true });
  writeFileSync(join(scratch, 'user-data/User/settings.json'), JSON.stringify(userSettings, null, 2));
  const child = spawn(process.execPath, [...codeServerArgs(scratch), '--bind-addr', '127.0.0.1:0', '--auth', 'none', folder], {
    // Its own process group, so that stopping it also stops the extension host and our server.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      writeFileSync(log, output);
      const listening = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${output}`)));
  });
  const stop = () => {
    // No more log writes: the caller is about to delete the folder the log is in.
    child.stdout.removeAllListeners('data');
    child.stderr.removeAllListeners('data');
    stopGroup(child);
  };
  return { url, extensionsDir: join(scratch, 'extensions'), stop };
}

function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** The process IDs of our language servers running from `extensionsDir`, read from /proc. */
export function languageServerPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    if (commandLine.includes(extensionsDir) && commandLine.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}
