// Properties of the service core under random edits: the incremental analysis after any sequence of
// edits equals a fresh analysis of the final text (problems, ranges, model), the diagnostics kept
// by result ID are the file's after every edit, and the segmented parse finds a syntax error
// exactly when a parse of the whole text does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createPlanService, type PlanService, type PlanFile, type TextChange } from '../../server/src/service';
import { isDeepStrictEqual } from 'node:util';
import { toDiagnostics } from '../../server/src/lsp/convert';
import { DiagnosticReports } from '../../server/src/lsp/diagnosticReports';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { setChunkSize } from '../../server/src/service/text/textStore';
import { applySplice, editArbitrary, planArbitrary, propertySeed, replayable, spliceOf } from './generators';

const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');
const uri = 'file:///plans/a.milestones.yaml';
const other = 'file:///plans/b.milestones.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60);

function workspace(options: { segmented?: boolean } = {}): PlanService {
  const created = createPlanService(options);
  created.setSettings({ asOf: '2021-08-11' });
  return created;
}

function problemsOf(analysed: PlanService, fileUri: string) {
  return analysed.problems(fileUri).map((problem) => ({ code: problem.code, severity: problem.severity, start: problem.start, end: problem.end, message: problem.message, data: problem.data }));
}

/** What a file's model holds: its items with their spans and fields, acronyms and top-level fields. */
function modelOf(file: PlanFile) {
  const item = (planItem: PlanFile['milestones'][number]) => ({
    kind: planItem.kind,
    id: planItem.id,
    idSpan: planItem.idSpan,
    entrySpan: planItem.entrySpan,
    name: planItem.ownName,
    due: planItem.ownDue,
    completed: planItem.ownCompleted,
    level: planItem.ownLevel,
    fields: planItem.fieldKeys().map((key) => ({ ...planItem.field(key)!, value: undefined })),
    references: planItem.featureReferences.map((reference) => ({ id: reference.id, span: reference.span })),
  });
  return {
    milestones: file.milestones.map(item),
    features: file.features.map(item),
    acronyms: file.acronyms,
    top: [...file.top].map(([key, field]) => ({ key, value: field.value, keySpan: field.keySpan, valueSpan: field.valueSpan })),
  };
}

describe('incremental analysis equals a fresh one', () => {
  test('after any sequence of edits of the example plan', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 40 }), (edits) => {
        const incremental = workspace();
        let text = example;
        incremental.setFile(uri, text);
        incremental.problems(uri);
        for (const [step, edit] of edits.entries()) {
          const splice = spliceOf(text, edit);
          text = applySplice(text, splice);
          incremental.setFile(uri, text, splice);
          // Analyse between some edits, as the server does when the user pauses.
          if (step % 3 === 0) incremental.problems(uri);
        }
        const fresh = workspace();
        fresh.setFile(uri, text);
        assert.deepEqual(problemsOf(incremental, uri), problemsOf(fresh, uri));
        assert.deepEqual(modelOf(incremental.getFile(uri)!), modelOf(fresh.getFile(uri)!));
        assert.deepEqual(incremental.snapshot(), fresh.snapshot());
      }),
      replayable(seed, runs),
    );
  });

  test("after any sequence of an editor's changes, one or several at a time, in lines and characters, with the text held in small chunks", () => {
    const seed = propertySeed();
    // Chunks of a few lines, so that edits cross their boundaries as they do in a plan of megabytes.
    setChunkSize(48, 96);
    try {
      fc.assert(
        fc.property(fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }), (events) => {
          const incremental = workspace();
          let text = example;
          incremental.setFile(uri, text);
          incremental.problems(uri);
          for (const [step, edits] of events.entries()) {
            // The changes of one event as an editor sends them (several cursors, a fix's edits): each in
            // the text the previous ones left, the later ones near the first.
            let anchor = -1;
            const changes: TextChange[] = edits.map((edit) => {
              const near = anchor < 0 ? edit : { ...edit, at: Math.max(0, Math.min(text.length, anchor - 200 + (edit.at % 400))) };
              const splice = spliceOf(text, near);
              if (anchor < 0) anchor = splice.start;
              const lines = new LineIndex(text);
              const range = { start: lines.positionAt(splice.start), end: lines.positionAt(splice.end) };
              const start = lines.offsetAt(range.start);
              text = text.slice(0, start) + splice.text + text.slice(Math.max(start, lines.offsetAt(range.end)));
              return { range, text: splice.text };
            });
            incremental.editFile(uri, changes);
            if (step % 3 === 0) incremental.problems(uri);
          }
          assert.equal(incremental.getFile(uri)!.text, text);
          const fresh = workspace();
          fresh.setFile(uri, text);
          assert.deepEqual(problemsOf(incremental, uri), problemsOf(fresh, uri));
          assert.deepEqual(modelOf(incremental.getFile(uri)!), modelOf(fresh.getFile(uri)!));
          assert.deepEqual(incremental.snapshot(), fresh.snapshot());
        }),
        replayable(seed, runs),
      );
    } finally {
      setChunkSize(8 * 1024);
    }
  });

  test('the diagnostics kept with a result ID are the file\'s after every change, and the ID changes exactly when they do', () => {
    const seed = propertySeed();
    setChunkSize(48, 96);
    try {
      const stepArbitrary = fc.tuple(fc.constantFrom('name', 'date', 'any'), fc.nat(), editArbitrary);
      fc.assert(
        fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), (steps) => {
          const incremental = workspace();
          const reports = new DiagnosticReports();
          let text = example;
          incremental.setFile(uri, text);
          const file = incremental.getFile(uri)!;
          reports.updatePlan(uri, file.lineIndex, incremental.analyze().problems.get(uri)!);
          let held = toDiagnostics(file.lineIndex, incremental.analyze().problems.get(uri)!);
          for (const [step, [kind, pick, edit]] of steps.entries()) {
            // Keystrokes in names, as most are (they change no diagnostic); a year typed over in a
            // due date, which changes the checks of the items that list the item or follow it; any edit.
            const names = [...text.matchAll(/\n {4}name: [^\n]*/g)];
            const dates = [...text.matchAll(/\n {4}due: (\d{4})/g)];
            const name = names[pick % Math.max(1, names.length)];
            const date = dates[pick % Math.max(1, dates.length)];
            const splice =
              kind === 'name' && name
                ? { start: name.index + name[0].length, end: name.index + name[0].length, text: 'e' }
                : kind === 'date' && date
                  ? { start: date.index + 12, end: date.index + 13, text: String(pick % 10) }
                  : spliceOf(text, edit);
            const lines = new LineIndex(text);
            const range = { start: lines.positionAt(splice.start), end: lines.positionAt(splice.end) };
            const start = lines.offsetAt(range.start);
            text = text.slice(0, start) + splice.text + text.slice(Math.max(start, lines.offsetAt(range.end)));
            incremental.editFile(uri, [{ range, text: splice.text }]);
            const problems = incremental.analyze().problems.get(uri)!;
            const before = reports.get(uri)!.resultId;
            const changed = reports.updatePlan(uri, file.lineIndex, problems);
            const now = toDiagnostics(file.lineIndex, problems);
            assert.deepEqual(reports.get(uri)!.diagnostics, now, `after edit ${step}`);
            assert.equal(changed, !isDeepStrictEqual(held, now), `changed after edit ${step}`);
            assert.equal(reports.get(uri)!.resultId !== before, changed);
            held = now;
          }
        }),
        replayable(seed, runs),
      );
    } finally {
      setChunkSize(8 * 1024);
    }
  });

  test('across two files, edits in one re-check what depends on it in the other', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(planArbitrary, planArbitrary, fc.array(fc.tuple(fc.boolean(), editArbitrary), { minLength: 1, maxLength: 20 }), (first, second, edits) => {
        const files = new Map([[uri, first.text], [other, second.text.replace(/\bF-(\d)/g, 'G-$1')]]);
        const incremental = workspace();
        for (const [name, text] of files) incremental.setFile(name, text);
        incremental.problems(uri);
        for (const [inFirst, edit] of edits) {
          const name = inFirst ? uri : other;
          const splice = spliceOf(files.get(name)!, edit);
          files.set(name, applySplice(files.get(name)!, splice));
          incremental.setFile(name, files.get(name)!, splice);
          incremental.problems(name);
        }
        const fresh = workspace();
        for (const [name, text] of files) fresh.setFile(name, text);
        for (const name of files.keys()) assert.deepEqual(problemsOf(incremental, name), problemsOf(fresh, name), name);
        assert.deepEqual(incremental.snapshot(), fresh.snapshot());
      }),
      replayable(seed, runs),
    );
  });
});

describe('the segmented parse and a whole parse agree on what is broken', () => {
  test('a syntax error is found exactly when a parse of the whole text finds one', () => {
    const seed = propertySeed();
    const hasSyntaxError = (analysed: PlanService) => analysed.problems(uri).some((problem) => problem.code === 'yaml-syntax');
    fc.assert(
      fc.property(fc.oneof(fc.constant(example), planArbitrary.map((plan) => plan.text)), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        for (const edit of edits) text = applySplice(text, spliceOf(text, edit));
        const segmented = workspace();
        const whole = workspace({ segmented: false });
        segmented.setFile(uri, text);
        whole.setFile(uri, text);
        assert.equal(hasSyntaxError(segmented), hasSyntaxError(whole), JSON.stringify(text));
      }),
      replayable(seed, runs * 5),
    );
  });
});
