// The edge between the service and LSP: the service answers in offsets and its own shapes; here
// they become ranges in lines and characters and the protocol's types. Nothing else converts.
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Range,
  type SelectionRange,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageserver';
import { glossaryDiagnosticCode } from '../../../common/requests';
import type { FileProblems, HoverResult, ProblemGroup, OutlineSymbol, PlanCodeAction, PlanCompletion, ReportedProblem, Span, WorkspaceEdit, WorkspaceSymbol } from '../service';
import { applyEdits } from '../service/text/edits';
import { LineIndex, type TextLines } from '../service/text/lineIndex';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.milestones`;

export function rangeOf(lines: TextLines, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * A problem as LSP sends it. The problem's `data` (what its fixes need) stays in the server, which
 * finds a code action's problems by their range: a file's report is sent whole after every change
 * to it, and without `data` it is a sixth smaller and half as long to write and read.
 */
export function toDiagnostic(lines: TextLines, problem: ReportedProblem): Diagnostic {
  return {
    range: rangeOf(lines, problem),
    severity: severities[problem.severity],
    code: problem.code,
    source: 'milestones',
    message: problem.message,
  };
}

/** A problem of a glossary file or skip list, on its whole line (those files are not held as text). */
export function toGlossaryDiagnostic(problem: { line: number; message: string; severity: 'error' | 'warning' }): Diagnostic {
  return {
    range: { start: { line: problem.line, character: 0 }, end: { line: problem.line + 1, character: 0 } },
    severity: severities[problem.severity],
    code: glossaryDiagnosticCode,
    source: 'milestones',
    message: problem.message,
  };
}

/** A group's diagnostics, relative to its first line, and moved to the line where the group was last seen. */
interface ConvertedGroup {
  relative: Diagnostic[];
  line: number;
  moved: Diagnostic[];
}

/** Kept with each group's problems, which stay the same array until they change. */
const convertedGroups = new WeakMap<readonly ReportedProblem[], ConvertedGroup>();

/**
 * A file's diagnostics. Each group (a segment's problems) is converted once, in the lines of the
 * segment's own text (a segment starts at the start of a line), and moved down to the segment's
 * first line; after a keystroke only the groups it changed are converted, and the others only
 * moved when lines before them came or went.
 */
export function toDiagnostics(lines: TextLines, problems: FileProblems): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const group of problems.groups) for (const diagnostic of placedDiagnostics(lines, group)) diagnostics.push(diagnostic);
  return diagnostics;
}

/** A group's diagnostics where it now starts in the file: converted once, moved when its line changes. */
export function placedDiagnostics(lines: TextLines, group: ProblemGroup): readonly Diagnostic[] {
  let converted = convertedGroups.get(group.problems);
  if (!converted) {
    const own = new LineIndex(group.text);
    const relative = group.problems.map((problem) => toDiagnostic(own, problem));
    converted = { relative, line: 0, moved: relative };
    convertedGroups.set(group.problems, converted);
  }
  const line = lines.positionAt(group.base).line;
  if (converted.line !== line) {
    converted.moved = converted.relative.map((diagnostic) => movedDown(diagnostic, line));
    converted.line = line;
  }
  return converted.moved;
}

/** A group's diagnostics where they were last placed, if they ever were. */
export function lastPlacedDiagnostics(problems: readonly ReportedProblem[]): readonly Diagnostic[] | undefined {
  return convertedGroups.get(problems)?.moved;
}

function movedDown(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

export function toHover(lines: TextLines, hover: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(lines, hover.span) };
}

/** Edits across files; `linesOf` gives the line index of each file edited (a plan, or a glossary file). */
export function toWorkspaceEdit(edits: WorkspaceEdit, linesOf: (uri: string) => TextLines): LspWorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, list] of edits) {
    const lines = linesOf(uri);
    changes[uri] = list.map((edit) => ({ range: rangeOf(lines, edit), newText: edit.text }));
  }
  return { changes };
}

export function toCodeAction(action: PlanCodeAction, lines: TextLines, linesOf: (uri: string) => TextLines): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : fixAllKind,
    isPreferred: action.isPreferred,
    diagnostics: action.problem ? [toDiagnostic(lines, action.problem)] : undefined,
    edit: toWorkspaceEdit(action.edits, linesOf),
    command: action.select && selectCommand(action.select, action.edits, linesOf),
  };
}

/** The client's `milestones.reveal`, run after the edit: the span is in the text as edited. */
function selectCommand(select: { uri: string; span: Span }, edits: WorkspaceEdit, linesOf: (uri: string) => TextLines): Command {
  const after = new LineIndex(applyEdits(linesOf(select.uri).text, edits.get(select.uri) ?? []));
  return { title: 'Type the definition', command: 'milestones.reveal', arguments: [{ uri: select.uri, range: rangeOf(after, select.span) }] };
}

const symbolKinds = {
  section: SymbolKind.Namespace,
  milestone: SymbolKind.Event,
  feature: SymbolKind.Field,
  reference: SymbolKind.Key,
  acronym: SymbolKind.String,
} as const;

export function toDocumentSymbol(lines: TextLines, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbolKinds[symbol.kind],
    range: rangeOf(lines, symbol.span),
    selectionRange: rangeOf(lines, symbol.selection),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
}

export function toSymbolInformation(lines: TextLines, symbol: WorkspaceSymbol): SymbolInformation {
  return { name: symbol.name, containerName: symbol.detail, kind: symbolKinds[symbol.kind], location: { uri: symbol.uri, range: rangeOf(lines, symbol.span) } };
}

/** A fold from the line of a span's start to the last line with content (a span ending at a line's start belongs to the line before), or undefined for one line. */
export function toFoldingRange(lines: TextLines, span: Span): FoldingRange | undefined {
  const start = lines.positionAt(span.start).line;
  const end = lines.positionAt(span.end);
  const last = end.character === 0 ? end.line - 1 : end.line;
  return last > start ? { startLine: start, endLine: last } : undefined;
}

/** Spans from the innermost out, as LSP's chain of parents. */
export function toSelectionRange(lines: TextLines, spans: readonly Span[]): SelectionRange | undefined {
  let selection: SelectionRange | undefined;
  for (const span of [...spans].reverse()) selection = { range: rangeOf(lines, span), parent: selection };
  return selection;
}

const completionKinds = {
  feature: CompletionItemKind.Reference,
  milestone: CompletionItemKind.Reference,
  acronym: CompletionItemKind.Text,
  key: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  date: CompletionItemKind.Constant,
} as const;

export function toCompletionItems(lines: TextLines, completions: readonly PlanCompletion[]): CompletionItem[] {
  // All completions replace the same word: convert its span once.
  const replaceRange = completions.length > 0 ? rangeOf(lines, completions[0]!.replace) : undefined;
  return completions.map((completion) => ({
    label: completion.label,
    kind: completionKinds[completion.kind],
    detail: completion.detail,
    documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
    sortText: completion.sortText,
    filterText: completion.filterText,
    insertTextFormat: completion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: replaceRange!, newText: completion.insertText },
  }));
}
