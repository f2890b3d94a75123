// What the client is told of each file's problems: the file's diagnostics with a result ID that
// changes only when they do. A plan file's new problems are compared with the last by the groups
// the analysis says came and went (a keystroke in a name is decided on in the size of the entry it
// touched); other files' diagnostics, and a plan's after a change of everything, are compared whole.
import type { Diagnostic } from 'vscode-languageserver';
import type { FileProblems, ProblemGroup } from '../service';
import type { TextLines } from '../service/text/lineIndex';
import { lastPlacedDiagnostics, placedDiagnostics, toDiagnostics } from './convert';

/** A file's diagnostics as last computed. */
export interface DiagnosticReport {
  readonly uri: string;
  /** Changes when, and only when, the diagnostics do. */
  readonly resultId: string;
  readonly diagnostics: readonly Diagnostic[];
}

interface Entry extends DiagnosticReport {
  /** The plan file's problems the diagnostics were last compared with. */
  problems?: FileProblems;
}

export class DiagnosticReports {
  private readonly entries = new Map<string, Entry>();
  /** Result IDs of an earlier server (a client may send them after a restart) are never taken for ours. */
  private readonly prefix = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.`;
  private count = 0;

  get(uri: string): DiagnosticReport | undefined {
    return this.entries.get(uri);
  }

  all(): IterableIterator<DiagnosticReport> {
    return this.entries.values();
  }

  /** A plan file's problems after an analysis; true when its diagnostics changed (or are its first). */
  updatePlan(uri: string, lines: TextLines, problems: FileProblems): boolean {
    const entry = this.entries.get(uri);
    if (entry?.problems === problems) return false;
    const changes = problems.changes;
    if (entry?.problems && changes?.previous === entry.problems) {
      if (sameDiagnostics(changes.removed, changes.added, lines)) {
        entry.problems = problems;
        return false;
      }
      return this.set(uri, toDiagnostics(lines, problems), problems);
    }
    const diagnostics = toDiagnostics(lines, problems);
    if (entry && sameLists(entry.diagnostics, diagnostics)) {
      entry.problems = problems;
      return false;
    }
    return this.set(uri, diagnostics, problems);
  }

  /** Any other file's diagnostics (an overrides file, a glossary file); true when they changed. */
  updateList(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    const entry = this.entries.get(uri);
    if (entry && sameLists(entry.diagnostics, diagnostics)) return false;
    return this.set(uri, diagnostics, undefined);
  }

  /** A file that left the model: no diagnostics any more; true when it had some. */
  withdraw(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry || entry.diagnostics.length === 0) return false;
    return this.set(uri, [], undefined);
  }

  private set(uri: string, diagnostics: readonly Diagnostic[], problems: FileProblems | undefined): true {
    this.entries.set(uri, { uri, resultId: `${this.prefix}${++this.count}`, diagnostics, problems });
    return true;
  }
}

/** Whether the groups that came place the same diagnostics as those that went placed (in any order). */
function sameDiagnostics(removed: readonly ProblemGroup[], added: readonly ProblemGroup[], lines: TextLines): boolean {
  const before: string[] = [];
  for (const group of removed) {
    const placed = lastPlacedDiagnostics(group.problems);
    if (!placed) return false;
    for (const diagnostic of placed) before.push(JSON.stringify(diagnostic));
  }
  const after: string[] = [];
  for (const group of added) for (const diagnostic of placedDiagnostics(lines, group)) after.push(JSON.stringify(diagnostic));
  if (before.length !== after.length) return false;
  before.sort();
  after.sort();
  return before.every((key, index) => key === after[index]);
}

function sameLists(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!sameDiagnostic(a[index]!, b[index]!)) return false;
  return true;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  const [x, y] = [a.range, b.range];
  return (
    x.start.line === y.start.line &&
    x.start.character === y.start.character &&
    x.end.line === y.end.line &&
    x.end.character === y.end.character &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.message === b.message &&
    a.source === b.source
  );
}

