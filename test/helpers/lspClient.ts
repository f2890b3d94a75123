// A language client for tests and the benchmark: starts `dist/server.js --stdio`, speaks LSP to
// it as VS Code does, answers its configuration requests and collects published diagnostics. It
// can also start the standalone bin over another transport, as other editors do.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
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
  /** How many times diagnostics were published for each URI. */
  readonly publishCounts = new Map<string, number>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly waiters: DiagnosticsWaiter[] = [];
  private readonly versionOf = new Map<string, number>();
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
    this.connection = connection;
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    process.on('exit', (code) => {
      this.exited = true;
      const error = new Error(`The server exited (${code}):\n${this.stderr}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      this.connection.dispose();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      this.versions.set(params.uri, params.version);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params.diagnostics, params.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
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
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const { child, connection } = await startServer(options);
    const client = new TestClient(child, connection(), options);
    // A message to the worker crosses to Chromium as JSON through its debugging protocol: a plan of
    // tens of megabytes takes seconds more than through a pipe.
    if (transportOf(options) === 'browser-worker') client.diagnosticsTimeout = 120_000;
    const folders = (options.folders ?? []).map((folder) => ({ uri: pathToFileURL(folder).href, name: folder }));
    const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`The server exited (${code}) during initialize:\n${client.stderr}`))));
    await Promise.race([exited, client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { dynamicRegistration: false, didSave: true },
        },
      },
    })]);
    void client.connection.sendNotification('initialized', {});
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

  open(uri: string, text: string, languageId = 'milestone-yaml'): Promise<Diagnostic[]> {
    this.versionOf.set(uri, 1);
    const waiting = this.waitForDiagnostics(uri, (_, version) => version === 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return waiting;
  }

  /** Sends one change (a range replaced by text) and resolves with the diagnostics of the new version. */
  change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<Diagnostic[]> {
    const version = (this.versionOf.get(uri) ?? 1) + 1;
    this.versionOf.set(uri, version);
    const waiting = this.waitForDiagnostics(uri, (_, published) => published === version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return waiting;
  }

  /** Replaces the whole text. */
  replaceAll(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versionOf.get(uri) ?? 1) + 1;
    this.versionOf.set(uri, version);
    const waiting = this.waitForDiagnostics(uri, (_, published) => published === version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return waiting;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
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
