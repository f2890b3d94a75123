// A language client for tests and the benchmark: starts `dist/server.js --stdio`, speaks LSP to
// it as VS Code does, answers its configuration requests and holds each file's diagnostics — pulled
// as VS Code pulls them (a document's after each change, the workspace's through a request held
// open, again on refresh), or, as a client without pull, published by the server. It can also
// start the standalone bin over another transport, as other editors do.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { WorkspaceDiagnosticRequest, type Diagnostic, type DocumentDiagnosticReport, type PublishDiagnosticsParams, type WorkspaceDiagnosticReportPartialResult } from 'vscode-languageserver-protocol';
import { findPlanFilesRequest, readFileRequest } from '../../common/requests';
import { serverExecArgv } from '../../common/serverFlags';
import { nodeFileSystem } from '../../server/src/host/nodeFileSystem';
import { startWorkerServer } from './browserWorker';
import { hangBound } from './deadline';

/** A diagnostic's message as text (LSP 3.18 also allows markup, which this server never sends). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export const serverPath = resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** Workspace folder paths. */
  folders?: string[];
  /** The `milestones` settings the client answers with. */
  settings?: Record<string, unknown>;
  /** A program to run instead of `node <the extension's flags> dist/server.js`: the standalone bin. */
  program?: string;
  /**
   * How client and server speak (default: stdio, or what MILESTONES_SERVER names): `browser-worker`
   * runs the browser build in a Web Worker of headless Chromium, as VS Code for the Web does.
   */
  transport?: 'stdio' | 'node-ipc' | 'socket' | 'browser-worker';
  /** Whether the client answers workspace/configuration (default true); without it the server reads `initializationOptions`. */
  configuration?: boolean;
  initializationOptions?: unknown;
  /**
   * How diagnostics reach the client (default: pull, as VS Code, or what MILESTONES_DIAGNOSTICS
   * names): `push` is a client without pull, as Neovim 0.7 and Helix.
   */
  diagnostics?: DiagnosticsMode;
  /** A pulling client that takes the related documents of a document's report (VS Code does not). */
  relatedDocuments?: boolean;
  /** The client's `experimental` capabilities (the extension's: `{ moveDateCommand: true }`). */
  experimental?: Record<string, unknown>;
  /** Whether a pulling client asks for the workspace's diagnostics (default true, as VS Code; Neovim 0.10 does not). */
  workspaceDiagnostics?: boolean;
}

export type DiagnosticsMode = 'pull' | 'push';

/** The way diagnostics reach the clients of this run: MILESTONES_DIAGNOSTICS, else pull. */
export function diagnosticsModeOf(options: ClientOptions = {}): DiagnosticsMode {
  return options.diagnostics ?? (process.env.MILESTONES_DIAGNOSTICS === 'push' ? 'push' : 'pull');
}

/** The server process and the connection to it over the chosen transport. */
/** The transport of a client: the one asked for, else MILESTONES_SERVER's for the extension's server, else stdio. */
function transportOf(options: ClientOptions): NonNullable<ClientOptions['transport']> {
  return options.transport ?? (options.program ? undefined : (process.env.MILESTONES_SERVER as ClientOptions['transport'])) ?? 'stdio';
}

async function startServer(options: ClientOptions): Promise<{ child: ChildProcess; connection: () => MessageConnection }> {
  const transport = transportOf(options);
  if (transport === 'browser-worker') {
    const worker = await startWorkerServer();
    return { child: worker as unknown as ChildProcess, connection: () => createMessageConnection(worker.reader, worker.writer) };
  }
  // The server runs with the flags the extension gives it, unless it is the bin, started as other editors start it.
  const command = options.program ?? process.execPath;
  const args = options.program ? [] : [...serverExecArgv, ...(process.env.SERVER_NODE_OPTIONS ? process.env.SERVER_NODE_OPTIONS.split(' ') : []), serverPath];
  if (transport === 'stdio') {
    const child = spawn(command, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return { child, connection: () => createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)) };
  }
  if (transport === 'node-ipc') {
    const child = spawn(command, [...args, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    return { child, connection: () => createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)) };
  }
  // With --socket=PORT the server connects to the client, which listens.
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const child = spawn(command, [...args, `--socket=${(listener.address() as AddressInfo).port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const [socket] = (await Promise.race([once(listener, 'connection'), once(child, 'exit').then(() => Promise.reject(new Error('The server exited before it connected')))])) as [Socket];
  listener.close();
  return { child, connection: () => createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)) };
}

interface DiagnosticsWaiter {
  uri: string;
  predicate: (diagnostics: Diagnostic[], version: number | undefined) => boolean;
  resolve: (diagnostics: Diagnostic[]) => void;
  reject: (error: Error) => void;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly versions = new Map<string, number | undefined>();
  /** How many times each URI's diagnostics were received whole (published, or a full report pulled). */
  readonly publishCounts = new Map<string, number>();
  /** How many times each URI's diagnostics were published by the server (textDocument/publishDiagnostics). */
  readonly pushCounts = new Map<string, number>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly mode: DiagnosticsMode;
  /** How many times the server asked to pull again (workspace/diagnostic/refresh). */
  refreshes = 0;
  private readonly waiters: DiagnosticsWaiter[] = [];
  private readonly versionOf = new Map<string, number>();
  /** Pull: the result ID of each open document's diagnostics, from its own pulls. */
  private readonly documentResults = new Map<string, string | undefined>();
  /** Pull: the result IDs the workspace reports gave. */
  private readonly workspaceResults = new Map<string, string>();
  private workspacePull: { cancel: () => void } | undefined;
  /** How long open and change wait for the diagnostics of the new version; the bench waits longer on huge plans. */
  diagnosticsTimeout = hangBound;
  settings: Record<string, unknown>;
  stderr = '';
  exited = false;

  private constructor(
    readonly process: ChildProcess,
    connection: MessageConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.mode = diagnosticsModeOf(options);
    this.connection = connection;
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    process.on('exit', (code) => {
      this.exited = true;
      const error = new Error(`The server exited (${code}):\n${this.stderr}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      this.connection.dispose();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.pushCounts.set(params.uri, (this.pushCounts.get(params.uri) ?? 0) + 1);
      this.received(params.uri, params.diagnostics, params.version);
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'milestones' ? this.settings : null)),
    );
    // What VS Code for the Web's client answers from vscode.workspace.fs, for the server in a worker.
    this.connection.onRequest(findPlanFilesRequest, ({ uri }) => nodeFileSystem.findPlanFiles(uri));
    this.connection.onRequest(readFileRequest, ({ uri }) => nodeFileSystem.readFile(uri));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/workDoneProgress/create', () => null);
    // Another file's change altered open documents' diagnostics: pull them all again, as VS Code does.
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const uri of this.documentResults.keys()) void this.pull(uri).catch(() => undefined);
      return null;
    });
    this.connection.listen();
  }

  /** Diagnostics received for a file: kept, counted, and given to whoever waits for them. */
  private received(uri: string, diagnostics: Diagnostic[], version: number | undefined): void {
    this.diagnostics.set(uri, diagnostics);
    this.publishCounts.set(uri, (this.publishCounts.get(uri) ?? 0) + 1);
    this.versions.set(uri, version);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === uri && waiter.predicate(diagnostics, version)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(diagnostics);
      }
    }
  }

  /** Pulls an open document's diagnostics with the result ID held, as VS Code does after each change; resolves with those held after it. */
  private async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: this.documentResults.get(uri) });
    if (!this.documentResults.has(uri)) return this.diagnostics.get(uri) ?? [];
    this.documentResults.set(uri, report.resultId);
    if (report.kind === 'full') this.received(uri, report.items, this.versionOf.get(uri));
    for (const [related, relatedReport] of Object.entries(report.relatedDocuments ?? {})) {
      if (relatedReport.kind === 'full') this.received(related, relatedReport.items, undefined);
    }
    return this.diagnostics.get(uri) ?? [];
  }

  /**
   * The workspace's diagnostics, as VS Code asks for them: one request held open by the server,
   * answered in parts as files change (a document pulled on its own takes no workspace report).
   */
  private pullWorkspace(): void {
    if (this.exited) return;
    const token = `workspace-${Math.random().toString(36).slice(2)}`;
    const apply = (part: WorkspaceDiagnosticReportPartialResult | null) => {
      for (const item of part?.items ?? []) {
        if (item.resultId) this.workspaceResults.set(item.uri, item.resultId);
        if (item.kind === 'full' && !this.documentResults.has(item.uri)) this.received(item.uri, item.items, item.version ?? undefined);
      }
    };
    const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, apply);
    const source = new CancellationTokenSource();
    this.workspacePull = { cancel: () => source.cancel() };
    const previousResultIds = [...this.workspaceResults].map(([uri, value]) => ({ uri, value }));
    this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds, partialResultToken: token }, source.token).then(
      (result) => {
        progress.dispose();
        apply(result);
        if (!source.token.isCancellationRequested) setTimeout(() => this.pullWorkspace(), 200).unref();
      },
      () => progress.dispose(),
    );
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const { child, connection } = await startServer(options);
    const client = new TestClient(child, connection(), options);
    // A message to the worker crosses to Chromium as JSON through its debugging protocol: a plan of
    // tens of megabytes takes seconds more than through a pipe.
    if (transportOf(options) === 'browser-worker') client.diagnosticsTimeout = 120_000;
    const folders = (options.folders ?? []).map((folder) => ({ uri: pathToFileURL(folder).href, name: folder }));
    const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`The server exited (${code}) during initialize:\n${client.stderr}`))));
    const pull = client.mode === 'pull';
    const initialized = await Promise.race([exited, client.connection.sendRequest<{ capabilities: { diagnosticProvider?: { workspaceDiagnostics?: boolean } } }>('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(pull && { diagnostics: { refreshSupport: true } }),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { dynamicRegistration: false, didSave: true },
          ...(pull && { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: options.relatedDocuments ?? false, dataSupport: true } }),
        },
        ...(options.experimental && { experimental: options.experimental }),
      },
    })]);
    void client.connection.sendNotification('initialized', {});
    if (pull && (options.workspaceDiagnostics ?? true) && initialized.capabilities.diagnosticProvider?.workspaceDiagnostics) client.pullWorkspace();
    return client;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[], version: number | undefined) => boolean = () => true, timeout = this.diagnosticsTimeout): Promise<Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeout} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`)), timeout);
      this.waiters.push({
        uri,
        predicate,
        resolve: (diagnostics) => {
          clearTimeout(timer);
          resolvePromise(diagnostics);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Opens a document and resolves with its diagnostics. */
  open(uri: string, text: string, languageId = 'milestone-yaml'): Promise<Diagnostic[]> {
    this.versionOf.set(uri, 1);
    if (this.mode === 'pull') {
      this.documentResults.set(uri, undefined);
      void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return this.pull(uri);
    }
    const waiting = this.waitForDiagnostics(uri, (_, version) => version === 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return waiting;
  }

  /** Sends one change (a range replaced by text) and resolves with the diagnostics of the new version. */
  change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<Diagnostic[]> {
    return this.sendChange(uri, [{ range, text }]);
  }

  /** Replaces the whole text. */
  replaceAll(uri: string, text: string): Promise<Diagnostic[]> {
    return this.sendChange(uri, [{ text }]);
  }

  /**
   * Sends a change and resolves with the diagnostics of the new version: pulled, or published; a
   * server that publishes only what differs sends none when they are the same, which a request
   * sent after the change tells (the server answers it after checking the change).
   */
  private async sendChange(uri: string, contentChanges: unknown[]): Promise<Diagnostic[]> {
    const version = (this.versionOf.get(uri) ?? 1) + 1;
    this.versionOf.set(uri, version);
    if (this.mode === 'pull') {
      void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return this.pull(uri);
    }
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    await this.settled();
    // Published for this version before the answer, or not at all: those held are still the file's.
    return this.diagnostics.get(uri) ?? [];
  }

  /** Resolves once the server has handled every message sent before: a request no server knows, answered in turn with an error. */
  async settled(): Promise<void> {
    await this.connection.sendRequest('milestones/settled').catch(() => undefined);
  }

  close(uri: string): void {
    this.documentResults.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    this.workspacePull?.cancel();
    if (!this.exited) {
      const exited = new Promise<void>((resolveExit) => this.process.once('exit', () => resolveExit()));
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolveTimer) => setTimeout(resolveTimer, 2000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      await Promise.race([exited, new Promise((resolveTimer) => setTimeout(resolveTimer, 2000))]);
    }
    this.connection.dispose();
    this.process.kill();
  }
}
