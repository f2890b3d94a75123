// The client of the language server for milestone plans, wherever the server runs, and keeping the
// user informed about it: one short message when it stops or cannot start, a restart after a
// crash, and why the plan shown may be stale. nodeLanguageClient.ts and browserLanguageClient.ts
// start it.
import * as vscode from 'vscode';
import { documentLanguages } from '../../../common/documentKinds';
import {
  CloseAction,
  ErrorAction,
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';

/** Tells the user something about the server, with a button that restarts it when `offerRestart`. */
type ServerNotice = (message: string, offerRestart: boolean) => void;

const showServerNotice: ServerNotice = (message, offerRestart) => {
  void vscode.window.showWarningMessage(message, ...(offerRestart ? ['Restart'] : [])).then((choice) => {
    if (choice === 'Restart') void vscode.commands.executeCommand('milestones.restartServer');
  });
};

/**
 * What the user sees when the server process dies: it is restarted, with one short message per
 * crash instead of the client's notifications with stack traces; after `maxCrashes` crashes within
 * `crashWindowMs` it stays stopped, and the message offers to start it again.
 */
export class ServerCrashHandler implements ErrorHandler {
  static readonly maxCrashes = 4;
  static readonly crashWindowMs = 3 * 60 * 1000;
  private crashes: number[] = [];

  constructor(private readonly notify: ServerNotice = showServerNotice) {}

  // Read and write errors come with a dying process; its close decides what happens.
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((time) => now - time < ServerCrashHandler.crashWindowMs);
    this.crashes.push(now);
    if (this.crashes.length > ServerCrashHandler.maxCrashes) {
      this.notify(`Milestone YAML's server stopped ${this.crashes.length} times in ${ServerCrashHandler.crashWindowMs / 60_000} minutes and was not restarted. The Output view "Milestone YAML" has details.`, true);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.notify("Milestone YAML's server stopped and was restarted.", false);
    return { action: CloseAction.Restart, handled: true };
  }
}

/**
 * The client, minus its own error notifications ("couldn't create connection to server" with an
 * error code, "Restarting server failed", …): errors still go to the output channel, and the user
 * hears from ServerCrashHandler and the start-failure handler instead, once and in words.
 */
export function quieten<Client extends BaseLanguageClient>(client: Client): Client {
  const error = client.error.bind(client);
  client.error = (message, data) => error(message, data, false);
  return client;
}

/** Why the server did not start, in words: a process that died mid-start leaves a JSON-RPC error. */
function startFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /connection got disposed|connection is closed/i.test(message) ? 'it stopped while starting' : message;
}

/** Says that the server could not start (or restart), why, and where the details are. */
export function notifyStartFailure(verb: string, error: unknown): void {
  showServerNotice(`Milestone YAML's server could not ${verb}: ${startFailureReason(error)}. The Output view "Milestone YAML" has details.`, true);
}

const serverStoppedMessage = "Milestone YAML's server is not running: the plan may be out of date. Run \"Milestones: Restart Language Server\" to start it.";

/** Why the plan the tree and the timeline show may be out of date, or undefined while the server runs. */
export function staleReason(languageClient: BaseLanguageClient): string | undefined {
  return languageClient.state === State.Stopped ? serverStoppedMessage : undefined;
}

/** What the client does, wherever the server runs: plans only, the `milestones` settings, crashes handled. */
export function clientOptions(): LanguageClientOptions {
  return {
    // Every YAML document goes to the server, which decides what each is (common/documentKinds.ts):
    // overrides files are plain YAML that the settings name, and the settings may change.
    documentSelector: documentLanguages.map((language) => ({ language })),
    synchronize: { configurationSection: 'milestones' },
    // The server answers pulls with `unchanged` when a keystroke changed no diagnostic: pull after
    // every change (vscode-languageclient pulls only on open by default), and on save.
    diagnosticPullOptions: { onChange: true, onSave: true },
    // A crash is restarted; the user sees one short message, not a stack trace. Failed requests
    // and connection errors are written to the output channel only.
    errorHandler: new ServerCrashHandler(),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      notifyStartFailure('start', error);
      return false;
    },
  };
}
