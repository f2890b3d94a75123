// The language server's own command line, for people who start it from another editor: the
// transport it speaks (chosen by the connection library from the same arguments), help and version.
import { version } from './version';

const usage = `Usage: milestones-language-server --stdio | --node-ipc | --socket=PORT

The Milestone YAML language server (the one the VS Code extension runs), for any editor with an
LSP client. It checks plans named *.milestones.yaml or *.milestones.yml.

Transports:
  --stdio          speak LSP on standard input and output (what most editors use)
  --node-ipc       speak LSP over Node's IPC channel (a parent that forked this process)
  --socket=PORT    connect to an LSP client listening on this TCP port of localhost
  --pipe=NAME      connect to an LSP client listening on this named pipe or socket file

Settings are the extension's \`milestones.*\` settings: asked of the client with
workspace/configuration (section "milestones"), else read from initializationOptions, given as
{ "milestones": { … } } or as the section itself.

  -h, --help       show this help
  -v, --version    print the version
`;

const transports = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/** What to print and the exit status when the arguments ask for no LSP session; undefined to start the server. */
export function serverCommandLine(args: string[]): { text: string; exitCode: number } | undefined {
  if (args.some((arg) => arg === '-h' || arg === '--help')) return { text: usage, exitCode: 0 };
  if (args.some((arg) => arg === '-v' || arg === '--version')) return { text: `${version}\n`, exitCode: 0 };
  if (args.some((arg) => transports.test(arg))) return undefined;
  const socket = args.find((arg) => arg.startsWith('--socket'));
  const reason = socket ? `"${socket}" needs a port number, as in --socket=5007.` : 'No transport given: start it with --stdio (or --node-ipc, --socket=PORT).';
  return { text: `milestones-language-server: ${reason}\n\n${usage}`, exitCode: 2 };
}
