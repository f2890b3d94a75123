// The language server's browser build (dist/browser/server.js) in a Web Worker of headless
// Chromium, as VS Code for the Web runs it, with its messages carried to a test's connection: the
// page posts what the worker sends to Node, and Node has the page post each message to the worker.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message } from 'vscode-jsonrpc';
import { chromiumPath } from './externalPrograms';

export const workerBundle = resolve(__dirname, '../../dist/browser/server.js');

// The page that starts the worker. A string: the page runs it as it is.
const page = `<!doctype html><meta charset="utf-8"><script>
  const worker = new Worker('/server.js');
  worker.onmessage = (event) => window.toClient(event.data);
  worker.onerror = (event) => window.workerFailed(String(event.message));
  window.toServer = (message) => worker.postMessage(message);
</script>`;

class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }
  receive(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly post: (message: Message) => Promise<unknown>) {
    super();
  }
  // One after another: the page must post them in the order the connection wrote them.
  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.post(message));
    return this.queue.then(() => undefined);
  }
  end(): void {}
}

/** What a test needs of the server, shaped as the part of a child process it uses: stderr, exit, kill. */
export interface WorkerServer extends EventEmitter {
  stderr: EventEmitter;
  kill(): void;
  reader: PageReader;
  writer: PageWriter;
}

export async function startWorkerServer(): Promise<WorkerServer> {
  const site = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (request.url === '/server.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(workerBundle));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolveListen) => site.listen(0, '127.0.0.1', resolveListen));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const tab = await browser.newPage();
  const reader = new PageReader();
  const writer = new PageWriter((message) => tab.evaluate((posted) => (window as unknown as { toServer(message: unknown): void }).toServer(posted), message as unknown));
  const server = Object.assign(new EventEmitter(), { stderr: new EventEmitter(), reader, writer }) as WorkerServer;
  let stopped = false;
  server.kill = () => {
    if (stopped) return;
    stopped = true;
    void browser.close().finally(() => site.close());
    server.emit('exit', null);
  };
  await tab.exposeFunction('toClient', (message: Message) => reader.receive(message));
  await tab.exposeFunction('workerFailed', (message: string) => server.stderr.emit('data', Buffer.from(`${message}\n`)));
  tab.on('pageerror', (error) => server.stderr.emit('data', Buffer.from(`${error.stack ?? error.message}\n`)));
  tab.on('worker', (worker) => worker.on('close', () => server.kill()));
  await tab.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  return server;
}
