// The language server on Node: the extension runs it as `node dist/server.js --stdio`; other
// editors as the bin `milestones-language-server --stdio` (or `--node-ipc`, `--socket=N`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { idleGarbageCollection } from './host/idleGc';
import { nodeFileSystem } from './host/nodeFileSystem';
import { PlanBaseline } from './host/planBaseline';
import { PlanTrends } from './host/planTrend';
import { PlanHistory } from './host/planHistory';
import { readScheduleFile } from './host/scheduleFiles';
import { serveLanguage } from './languageServer';
import { serverCommandLine } from './serverCommandLine';

// Without a transport the connection library throws a stack trace at the user; answer as a command does.
const commandLine = serverCommandLine(process.argv.slice(2));
if (commandLine) {
  (commandLine.exitCode === 0 ? process.stdout : process.stderr).write(commandLine.text);
  process.exit(commandLine.exitCode);
}

const gc = idleGarbageCollection();
const connection = createConnection(ProposedFeatures.all);
serveLanguage(connection, {
  fileSystem: nodeFileSystem,
  schedule: setImmediate,
  textReplaced: (bytes) => gc.noteReplacedText(bytes),
  // git runs on Node only: the hover's date history, the timeline's baseline and the trend.
  history: { dates: new PlanHistory((message) => connection.console.info(message)), baseline: new PlanBaseline((message) => connection.console.warn(message)), trends: new PlanTrends() },
  readSchedule: readScheduleFile,
});
