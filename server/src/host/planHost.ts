// The host of the language service in a language server: the workspace folders and the documents
// open in the editor (their versions; their text is held once, by the service), the plan files on
// disk and their changes, the settings, the glossary files, and when the problems are published.
// It speaks neither LSP nor Node: the server converts, the file system is given.
import { classify, hasWildcard, type DocumentKind } from '../../../common/documentKinds';
import type { Position } from '../../../common/planSnapshot';
import { createPlanService, FileProblems, type FixTargets, type PlanFile, type PlanService, type ReportedProblem } from '../service';
import { parseSettings } from '../service/settings';
import { LineIndex } from '../service/text/lineIndex';
import { isInside, isPlanFile, normalizeUri, resolveUri, type HostFileSystem } from './fileSystem';
import { loadGlossaries, type GlossaryProblem } from './glossaryFiles';

const noProblems = new FileProblems([]);

/** The text after an editor's changes, each in the text the previous ones left (for the small overrides files, held as strings). */
function applyChanges(text: string, changes: readonly DocumentChange[]): string {
  for (const change of changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    const lines = new LineIndex(text);
    const start = lines.offsetAt(change.range.start);
    text = text.slice(0, start) + change.text + text.slice(Math.max(start, lines.offsetAt(change.range.end)));
  }
  return text;
}

/** A change of an open document: a range replaced by text, or (without a range) the whole text. */
export interface DocumentChange {
  range?: { start: Position; end: Position };
  text: string;
}

/** What the host tells the server to do. */
export interface HostEvents {
  /**
   * Publish a file's problems; `version` is the editor's version of an open document, undefined for
   * a file on disk. The problems come by segment, each group the same object until it changes, so
   * that what is made of a group can be kept.
   */
  publish(file: PlanFile, problems: FileProblems, version: number | undefined): void;
  /** Publish an overrides file's problems (in the lines of its text). */
  publishOverrides(uri: string, lines: LineIndex, problems: readonly ReportedProblem[], version: number | undefined): void;
  /** A file left the model: withdraw what was published for it. */
  withdraw(uri: string): void;
  /** The plan changed: the tree and the timeline should ask again. */
  planChanged(): void;
  /** Problems with the settings, for the log. */
  warn(message: string): void;
  /** The problems of the glossary files and the skip list, every one: sent once per change (none when they are gone). */
  glossaryProblems(problems: readonly GlossaryProblem[]): void;
  /** Text of this many characters was replaced (the server may collect garbage when idle). */
  textReplaced?(length: number): void;
  /** A check is done: every file it changed was published. */
  checked?(): void;
}

export class PlanHost {
  readonly service: PlanService;
  private folders: string[] = [];
  /** The documents open in the editor, with their versions. */
  private readonly versions = new Map<string, number>();
  /** The language the editor gives each open document. */
  private readonly languages = new Map<string, string | undefined>();
  /**
   * Open documents that are neither plans nor overrides files as the settings now stand (any YAML
   * file the editor opened): their text is kept, so that settings that arrive or change later can
   * make one an overrides file.
   */
  private readonly others = new Map<string, string>();
  /** Open documents whose new version must get diagnostics even if its problems did not change. */
  private readonly versionsToPublish = new Set<string>();
  private targets: FixTargets = {};
  private glossaryUris = new Set<string>();
  /** The overrides files the settings name (by path or by a wildcard) that are on disk: read from there when not open. */
  private overridesOnDisk = new Set<string>();
  /** The glossary problems last sent, as JSON: the same problems read again are not sent again. */
  private glossaryProblemsSent = '[]';
  private validationScheduled = false;
  private isReady = false;
  private markReady: () => void = () => undefined;
  /** Settles once the settings are read and the workspace indexed: the first diagnostics and snapshot wait for it. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = () => ((this.isReady = true), resolve())));

  constructor(
    private readonly fs: HostFileSystem,
    private readonly events: HostEvents,
    /** Runs a callback once the messages already received are handled (Node: `setImmediate`), so that a burst of changes is checked once. */
    private readonly defer: (callback: () => void) => void = (callback) => setTimeout(callback, 0),
  ) {
    this.service = createPlanService();
  }

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(normalizeUri);
  }

  /** Reads the settings and the glossary files, indexes the folders, then starts publishing. */
  async start(rawSettings: unknown): Promise<void> {
    try {
      await this.configure(rawSettings);
      await this.indexFolders();
    } finally {
      // Whatever went wrong was reported where it happened; what was indexed is served.
      this.markReady();
    }
  }

  async configure(rawSettings: unknown): Promise<void> {
    const { settings, problems } = parseSettings(rawSettings);
    for (const problem of problems) this.events.warn(problem);
    this.service.setSettings(settings);
    await this.reloadGlossaries();
    this.classifyOpenDocuments();
    await this.readOverridesFiles();
    this.scheduleValidation();
  }

  async changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    for (const folder of removed.map(normalizeUri)) {
      this.folders = this.folders.filter((existing) => existing !== folder);
      for (const file of this.service.allFiles()) if (isInside(file.uri, folder) && !this.versions.has(file.uri)) this.forget(file.uri);
    }
    this.folders.push(...added.map(normalizeUri));
    await this.indexFolders();
    this.scheduleValidation();
  }

  /** What a file is as the settings now stand (common/documentKinds.ts). */
  kindOf(uri: string, languageId?: string): DocumentKind | undefined {
    return classify(uri, this.service.getSettings(), this.folders, languageId);
  }

  /** The overrides files the settings name that are on disk, as URIs: those the trend reads at each revision. */
  overridesFilesOnDisk(): string[] {
    return [...this.overridesOnDisk];
  }

  /**
   * Reads the overrides files the settings name that are on disk (by path, or found by their
   * wildcards), unless open: their dates take part in the plans' checks whether or not they are
   * open. Those no longer named leave the model.
   */
  private async readOverridesFiles(): Promise<void> {
    const globs = this.service.getSettings().overrideFiles;
    const wanted = new Set<string>();
    for (const folder of this.folders) {
      for (const glob of globs) if (!hasWildcard(glob)) wanted.add(normalizeUri(resolveUri(folder, glob)));
      if (globs.some(hasWildcard)) {
        try {
          for (const uri of await this.fs.findFiles(folder, globs.filter(hasWildcard))) wanted.add(normalizeUri(uri));
        } catch {
          // a folder that cannot be searched has no overrides files to read
        }
      }
    }
    for (const uri of this.overridesOnDisk) {
      if (wanted.has(uri) || this.versions.has(uri) || !this.service.getOverridesFile(uri)) continue;
      this.service.removeOverridesFile(uri);
      this.events.withdraw(uri);
    }
    this.overridesOnDisk = wanted;
    for (const uri of wanted) if (!this.versions.has(uri)) await this.readOverridesFromDisk(uri);
  }

  private async readOverridesFromDisk(uri: string): Promise<void> {
    let text: string;
    try {
      text = await this.fs.readFile(uri);
    } catch {
      if (this.service.getOverridesFile(uri)) {
        this.service.removeOverridesFile(uri);
        this.events.withdraw(uri);
      }
      return;
    }
    this.service.setOverridesFile(uri, text.replace(/^\uFEFF/, ''));
    this.versionsToPublish.add(uri);
  }

  /** The kind a document is held as: a plan, an overrides file, or another open document (undefined). */
  private heldAs(uri: string): 'plan' | 'overrides' | undefined {
    return this.service.getFile(uri) ? 'plan' : this.service.getOverridesFile(uri) ? 'overrides' : undefined;
  }

  /** Gives a document's text to the service as what it is, or keeps it aside when it is neither a plan nor an overrides file. */
  private hold(uri: string, kind: DocumentKind | undefined, text: string): void {
    if (kind === 'plan') this.service.setFile(uri, text);
    else if (kind === 'overrides') this.service.setOverridesFile(uri, text);
    else this.others.set(uri, text);
  }

  /**
   * Open documents as the settings now say, each moved to its kind when that changed: a document
   * opened before the settings were read may be an overrides file, and a change of
   * `milestones.overrideFiles` makes files overrides files or plain YAML again. Every open
   * document's problems are published again (they depend on the glossary and the settings).
   */
  private classifyOpenDocuments(): void {
    for (const uri of this.versions.keys()) {
      const held = this.heldAs(uri);
      const kind = this.kindOf(uri, this.languages.get(uri));
      const wanted = kind === 'plan' || kind === 'overrides' ? kind : undefined;
      if (held !== wanted) {
        const text = held === 'plan' ? this.service.getFile(uri)!.text : held === 'overrides' ? this.service.getOverridesFile(uri)!.text : this.others.get(uri) ?? '';
        if (held === 'plan') this.service.removeFile(uri);
        else if (held === 'overrides') this.service.removeOverridesFile(uri);
        else this.others.delete(uri);
        if (!wanted) this.events.withdraw(uri);
        this.hold(uri, wanted, text);
      }
      this.versionsToPublish.add(uri);
    }
  }

  /** A document the editor opened: any YAML document (the server classifies it), with the language the editor gives it. */
  open(uri: string, version: number, text: string, languageId?: string): void {
    uri = normalizeUri(uri);
    this.versions.set(uri, version);
    this.languages.set(uri, languageId);
    this.events.textReplaced?.(text.length);
    const kind = this.kindOf(uri, languageId);
    this.hold(uri, kind === 'plan' || kind === 'overrides' ? kind : undefined, text);
    this.versionsToPublish.add(uri);
    this.scheduleValidation();
  }

  /** Applies the editor's changes to the text the service holds, where they land: a keystroke re-parses only there. */
  change(uri: string, version: number, changes: readonly DocumentChange[]): void {
    uri = normalizeUri(uri);
    if (!this.versions.has(uri)) return;
    const held = this.heldAs(uri);
    this.versions.set(uri, version);
    this.events.textReplaced?.(changes.reduce((sum, change) => sum + change.text.length, 0));
    if (held === 'plan') {
      this.service.editFile(uri, changes);
    } else {
      const text = applyChanges(held === 'overrides' ? this.service.getOverridesFile(uri)!.text : (this.others.get(uri) ?? ''), changes);
      this.hold(uri, held, text);
      if (!held) return;
    }
    this.versionsToPublish.add(uri);
    this.scheduleValidation();
  }

  /** A closed file stays in the model as it is on disk, or leaves it when it is gone or outside the workspace. */
  async close(uri: string): Promise<void> {
    uri = normalizeUri(uri);
    this.versions.delete(uri);
    this.languages.delete(uri);
    if (this.others.delete(uri)) return;
    if (this.service.getOverridesFile(uri)) {
      if (this.overridesOnDisk.has(uri)) {
        await this.readOverridesFromDisk(uri);
      } else {
        this.service.removeOverridesFile(uri);
        this.events.withdraw(uri);
      }
      this.scheduleValidation();
      return;
    }
    if (isPlanFile(uri) && this.folders.some((folder) => isInside(uri, folder))) await this.readFromDisk(uri);
    else this.forget(uri);
    this.scheduleValidation();
  }

  /** Files changed on disk: plans are read again (the editor's text wins for open ones), glossaries reloaded. */
  async filesChanged(changes: readonly { uri: string; deleted: boolean }[]): Promise<void> {
    let glossaryChanged = false;
    for (const change of changes) {
      const uri = normalizeUri(change.uri);
      const kind = this.kindOf(uri);
      if (kind === 'plan') {
        if (this.versions.has(uri)) continue;
        if (change.deleted) this.forget(uri);
        else await this.readFromDisk(uri);
      } else if (kind === 'overrides') {
        if (this.versions.has(uri)) continue;
        if (change.deleted) this.overridesOnDisk.delete(uri);
        else this.overridesOnDisk.add(uri);
        await this.readOverridesFromDisk(uri);
      } else if (this.glossaryUris.has(uri)) {
        glossaryChanged = true;
      }
    }
    if (glossaryChanged) await this.reloadGlossaries();
    this.scheduleValidation();
  }

  isOpen(uri: string): boolean {
    return this.versions.has(normalizeUri(uri));
  }

  /** The editor's version of an open document; undefined when it is not open. */
  openVersion(uri: string): number | undefined {
    return this.versions.get(normalizeUri(uri));
  }

  getFile(uri: string): PlanFile | undefined {
    return this.service.getFile(normalizeUri(uri));
  }

  /** The configured glossary file and skip list, as last read, for fixes that add to them. */
  fixTargets(): FixTargets {
    return this.targets;
  }

  /** The workspace folders, as URIs. */
  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** The folder relative settings are resolved against: the first workspace folder. */
  private baseFolder(): string | undefined {
    return this.folders[0];
  }

  private async reloadGlossaries(): Promise<void> {
    const settings = this.service.getSettings();
    const base = this.baseFolder();
    if (!base) {
      this.service.setGlossaryFiles([], []);
      this.sendGlossaryProblems([]);
      return;
    }
    const loaded = await loadGlossaries(this.fs, base, settings.glossaryFiles, settings.skipAcronymsFile, settings.glossaryTags);
    this.service.setGlossaryFiles(loaded.entries, loaded.skip);
    this.targets = loaded.targets;
    this.glossaryUris = new Set([...settings.glossaryFiles, ...(settings.skipAcronymsFile ? [settings.skipAcronymsFile] : [])].map((file) => resolveUri(base, file)));
    this.sendGlossaryProblems(loaded.problems);
  }

  /** Settings sent twice, or a file saved unchanged, read the same problems: they are shown once. */
  private sendGlossaryProblems(problems: readonly GlossaryProblem[]): void {
    const signature = JSON.stringify(problems);
    if (signature === this.glossaryProblemsSent) return;
    this.glossaryProblemsSent = signature;
    this.events.glossaryProblems(problems);
  }

  /** Reads every plan file under the folders that is not open in the editor. */
  private async indexFolders(): Promise<void> {
    for (const folder of this.folders) {
      let uris: string[];
      try {
        uris = await this.fs.findPlanFiles(folder);
      } catch {
        continue;
      }
      for (const uri of uris) if (!this.versions.has(normalizeUri(uri))) await this.readFromDisk(normalizeUri(uri));
    }
  }

  private async readFromDisk(uri: string): Promise<void> {
    let text: string;
    try {
      text = await this.fs.readFile(uri);
    } catch {
      this.forget(uri);
      return;
    }
    this.events.textReplaced?.(text.length);
    this.service.setFile(uri, text.replace(/^\uFEFF/, ''));
  }

  private forget(uri: string): void {
    this.service.removeFile(uri);
    this.events.withdraw(uri);
  }

  /**
   * Checks once the messages already received are handled. Once ready, the check is scheduled at
   * once, ahead of the messages that come after the change: a request sent after a change is
   * answered after its diagnostics were published.
   */
  scheduleValidation(): void {
    if (this.validationScheduled) return;
    this.validationScheduled = true;
    const run = () => this.defer(() => this.flush());
    if (this.isReady) run();
    else void this.ready.then(run);
  }

  /** Runs the scheduled check now, if it has not run (a client pulling diagnostics wants them at once). */
  flush(): void {
    if (!this.validationScheduled || !this.isReady) return;
    this.validationScheduled = false;
    this.validate();
  }

  private validate(): void {
    const analysis = this.service.analyze();
    for (const uri of new Set([...analysis.changed, ...this.versionsToPublish])) {
      const file = this.service.getFile(uri);
      if (file) this.events.publish(file, analysis.problems.get(uri) ?? noProblems, this.versions.get(uri));
      const overrides = this.service.getOverridesFile(uri);
      if (overrides) this.events.publishOverrides(uri, overrides.lineIndex, this.service.problems(uri), this.versions.get(uri));
    }
    this.versionsToPublish.clear();
    this.events.checked?.();
    this.events.planChanged();
  }
}
