// Diagnostics as the client takes them. A client that can pull (LSP 3.17, VS Code) asks for an open
// document's after each change, with the result ID it holds, and is answered `unchanged` when they
// are the same; the files it has not open reach it through its workspace/diagnostic request, held
// open and answered in parts as they change (or, to a client that never makes one, are sent), and a
// change of another open document's diagnostics asks it to pull again (refresh). A client without
// pull (Neovim 0.7, Helix) is sent each file's diagnostics when they differ from the last sent, and
// on opening a document.
import type { ClientCapabilities, Connection, Diagnostic, DiagnosticOptions, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { normalizeUri } from '../host/fileSystem';
import type { FileProblems } from '../service';
import type { TextLines } from '../service/text/lineIndex';
import { DiagnosticReports, type DiagnosticReport } from './diagnosticReports';

/** What the diagnostics need of the host: when it is ready, a way to finish a pending check now, and the open documents' versions. */
export interface DiagnosticsHost {
  readonly ready: Promise<void>;
  /** Runs the check the last changes scheduled, if it has not run yet. */
  flush(): void;
  /** The editor's version of an open document, undefined for a file that is not open. */
  openVersion(uri: string): number | undefined;
}

export type DiagnosticsMode = 'pull' | 'push';

/** How long a document just opened is left for the client to pull before its diagnostics are streamed. */
const openedPullWait = 2000;

export class Diagnostics {
  private mode: DiagnosticsMode = 'push';
  private relatedDocuments = false;
  private refreshSupport = false;
  private readonly reports = new DiagnosticReports();
  /** Pull: the result ID of each file's diagnostics the client last received, in any answer. */
  private readonly delivered = new Map<string, string>();
  /** Push: documents just opened, whose diagnostics are sent even when the same (the client may have dropped them on closing). */
  private readonly opened = new Set<string>();
  /** Pull: the open documents the client pulls (it asked for their diagnostics): VS Code pulls only those its selector takes. */
  private readonly pulled = new Set<string>();
  /** Pull: documents the client changed and pulls after the change; the others are streamed and refreshed for. */
  private readonly pulledByClient = new Set<string>();
  /** Pull: documents just opened, which the client pulls if its selector takes them: streamed only if it has not after a while. */
  private readonly justOpened = new Set<string>();
  private openedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Pull: files whose diagnostics changed in the check under way. */
  private changed = new Set<string>();
  /** Pull: the workspace/diagnostic requests held open, each told of changed files in parts. */
  private readonly streams = new Set<(items: WorkspaceDocumentDiagnosticReport[]) => void>();
  /** Pull: whether the client asks for the workspace's diagnostics; a client that pulls only its documents (Neovim 0.10) is sent the others'. */
  private workspacePulled = false;

  constructor(
    private readonly connection: Connection,
    private readonly host: DiagnosticsHost,
  ) {}

  /** Pull when the client can, else push; for pull, the server capability to announce. */
  initialize(capabilities: ClientCapabilities): DiagnosticOptions | undefined {
    const pull = capabilities.textDocument?.diagnostic;
    if (!pull) return undefined;
    this.mode = 'pull';
    this.relatedDocuments = pull.relatedDocumentSupport === true;
    this.refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    this.connection.languages.diagnostics.on(async ({ textDocument, previousResultId }) => {
      await this.host.ready;
      this.host.flush();
      const uri = normalizeUri(textDocument.uri);
      if (this.host.openVersion(uri) !== undefined) this.pulled.add(uri);
      this.justOpened.delete(uri);
      return this.documentReport(uri, previousResultId);
    });
    this.connection.languages.diagnostics.onWorkspace(async ({ previousResultIds }, token, _, resultProgress) => {
      this.workspacePulled = true;
      await this.host.ready;
      this.host.flush();
      const known = new Map(previousResultIds.map(({ uri, value }) => [normalizeUri(uri), value]));
      const items = [...this.reports.all()].filter((report) => known.get(report.uri) !== report.resultId).map((report) => this.workspaceReport(report));
      if (!resultProgress || token.isCancellationRequested) return { items };
      // Held open until the client cancels it: each change is told as it happens.
      resultProgress.report({ items });
      return new Promise((resolve) => {
        const stream = (changed: WorkspaceDocumentDiagnosticReport[]) => resultProgress.report({ items: changed });
        this.streams.add(stream);
        token.onCancellationRequested(() => {
          this.streams.delete(stream);
          resolve({ items: [] });
        });
      });
    });
    return { identifier: 'milestones', interFileDependencies: true, workspaceDiagnostics: true };
  }

  get diagnosticsMode(): DiagnosticsMode {
    return this.mode;
  }

  /**
   * A document was opened: a client without pull is sent its diagnostics, whatever they are; one
   * that pulls is given a while to pull them before they are streamed (a report serialized and
   * parsed twice costs seconds in a plan of tens of megabytes).
   */
  documentOpened(uri: string): void {
    uri = normalizeUri(uri);
    this.opened.add(uri);
    if (this.mode !== 'pull') return;
    this.justOpened.add(uri);
    clearTimeout(this.openedTimer);
    this.openedTimer = setTimeout(() => {
      const unpulled = [...this.justOpened];
      this.justOpened.clear();
      this.stream(unpulled.filter((opened) => this.reports.get(opened) && this.delivered.get(opened) !== this.reports.get(opened)!.resultId));
    }, openedPullWait);
  }

  /** A document was changed by the client, which pulls its diagnostics after the change if it pulls them at all. */
  documentChanged(uri: string): void {
    uri = normalizeUri(uri);
    if (this.pulled.has(uri)) this.pulledByClient.add(uri);
  }

  documentClosed(uri: string): void {
    this.pulled.delete(normalizeUri(uri));
  }

  /** A plan file's problems after a check. */
  plan(uri: string, lines: TextLines, problems: FileProblems, version: number | undefined): void {
    this.told(uri, this.reports.updatePlan(uri, lines, problems), version);
  }

  /** Another file's diagnostics: an overrides file, a glossary file. */
  list(uri: string, diagnostics: readonly Diagnostic[], version: number | undefined): void {
    this.told(uri, this.reports.updateList(uri, diagnostics), version);
  }

  /** A file left the model: its diagnostics are cleared. */
  withdraw(uri: string): void {
    this.told(uri, this.reports.withdraw(uri), undefined);
  }

  /** A check is done: pull clients are told of what changed outside the documents they pull themselves. */
  checked(): void {
    const changed = [...this.changed].filter((uri) => !this.pulledByClient.has(uri) && !this.justOpened.has(uri));
    // A client that takes related documents is told of them in its answer to the pull that follows an edit.
    const inAnswer = this.relatedDocuments && this.pulledByClient.size > 0;
    this.changed = new Set();
    this.pulledByClient.clear();
    if (this.mode !== 'pull' || changed.length === 0 || inAnswer) return;
    this.stream(changed);
    if (!this.workspacePulled) for (const uri of changed) if (this.host.openVersion(uri) === undefined) this.send(uri, undefined);
    // Open documents are pulled by the client: it is asked to pull again (VS Code takes no workspace report for them).
    if (this.refreshSupport && changed.some((uri) => this.host.openVersion(uri) !== undefined)) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Tells the workspace requests held open of these files' diagnostics. */
  private stream(uris: readonly string[]): void {
    if (this.streams.size === 0 || uris.length === 0) return;
    const items = uris.flatMap((uri) => {
      const report = this.reports.get(uri);
      return report ? [this.workspaceReport(report)] : [];
    });
    for (const stream of this.streams) stream(items);
  }

  private told(uri: string, changed: boolean, version: number | undefined): void {
    if (this.mode === 'pull') {
      if (changed) this.changed.add(uri);
      return;
    }
    const opened = this.opened.delete(uri);
    if (changed || opened) this.send(uri, version);
  }

  /** Publishes a file's diagnostics (to a client without pull, or for a file it does not pull). */
  private send(uri: string, version: number | undefined): void {
    const report = this.reports.get(uri);
    if (report) void this.connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics as Diagnostic[] });
  }

  private documentReport(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const report = this.reports.get(uri);
    if (!report) return { kind: 'full', items: [] };
    const relatedDocuments = this.relatedDocuments ? this.relatedReports(uri) : undefined;
    this.delivered.set(uri, report.resultId);
    if (previousResultId === report.resultId) return { kind: 'unchanged', resultId: report.resultId, relatedDocuments };
    return { kind: 'full', resultId: report.resultId, items: report.diagnostics as Diagnostic[], relatedDocuments };
  }

  /** The other files' diagnostics the client does not hold yet (those an edit of this document changed). */
  private relatedReports(uri: string): Record<string, { kind: 'full'; resultId: string; items: Diagnostic[] }> | undefined {
    let related: Record<string, { kind: 'full'; resultId: string; items: Diagnostic[] }> | undefined;
    for (const report of this.reports.all()) {
      if (report.uri === uri || this.delivered.get(report.uri) === report.resultId) continue;
      this.delivered.set(report.uri, report.resultId);
      (related ??= {})[report.uri] = { kind: 'full', resultId: report.resultId, items: report.diagnostics as Diagnostic[] };
    }
    return related;
  }

  private workspaceReport(report: DiagnosticReport): WorkspaceDocumentDiagnosticReport {
    this.delivered.set(report.uri, report.resultId);
    return { kind: 'full', uri: report.uri, version: this.host.openVersion(report.uri) ?? null, resultId: report.resultId, items: report.diagnostics as Diagnostic[] };
  }
}
