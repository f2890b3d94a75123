// Navigation (server/src/service/features/navigation.ts) in memory, across two plans: go to
// definition, find references, and rename, from the ID under the cursor.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/service/text/edits';
import { atCursor, covered, edited, otherUri, placeCursor, planUri } from '../helpers/cursor';

/** The features, in a plan of their own; one ID is written quoted. */
const features = `features:
  DM-AP-1:   # single frame
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
  "DM-AP-2":
    name: Alard & Lupton-style image differencing.
    due: 2017-11-01
`;

/** The milestones that list them, with the cursor put where `marked` (with its `|`) says. */
function releasesAt(marked: string) {
  const releases = `milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    features:
      - DM-AP-1
      - "DM-AP-2"
  LDM-503-03:
    name: Alert generation
    due: 2018-12-01
    features: [DM-AP-1, 'DM-AP-2', DM-XX-9]
`;
  return atCursor(placeCursor(releases, marked), { other: features });
}

const short = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

describe('go to definition', () => {
  test('from a listed feature to its definition in the other plan', () => {
    const { service, uri, offset } = releasesAt('      - DM-A|P-1');
    assert.deepEqual(service.definitions(uri, offset).map((item) => [short(item.uri), covered(service, item.uri, item.idSpan)]), [['b.milestones.yaml', 'DM-AP-1']]);
  });

  test('from a quoted ID in a flow list', () => {
    const { service, uri, offset } = releasesAt("'DM-AP|-2'");
    assert.deepEqual(service.definitions(uri, offset).map((item) => [short(item.uri), covered(service, item.uri, item.idSpan)]), [['b.milestones.yaml', '"DM-AP-2"']]);
  });

  test('nowhere from an undefined ID or from a name', () => {
    for (const marked of ['DM-XX|-9', 'HSC re|processing']) {
      const { service, uri, offset } = releasesAt(marked);
      assert.deepEqual(service.definitions(uri, offset), [], marked);
    }
  });
});

describe('find references', () => {
  test('every listing in every plan, with the definition first when asked for', () => {
    const { service, uri, offset } = releasesAt('      - DM-AP|-1');
    const found = (includeDefinition: boolean) =>
      service.references(uri, offset, includeDefinition).map((occurrence) => {
        const text = service.getFile(occurrence.uri)!.text;
        const line = text.slice(text.lastIndexOf('\n', occurrence.span.start - 1) + 1, text.indexOf('\n', occurrence.span.end));
        return [short(occurrence.uri), occurrence.kind, covered(service, occurrence.uri, occurrence.span), line.trim()];
      });
    assert.deepEqual(found(true), [
      ['b.milestones.yaml', 'definition', 'DM-AP-1', 'DM-AP-1:   # single frame'],
      ['a.milestones.yaml', 'reference', 'DM-AP-1', '- DM-AP-1'],
      ['a.milestones.yaml', 'reference', 'DM-AP-1', "features: [DM-AP-1, 'DM-AP-2', DM-XX-9]"],
    ]);
    assert.deepEqual(found(false), found(true).slice(1));
  });

  test('from a milestone: its definition alone', () => {
    const { service, uri, offset } = releasesAt('  LDM-5|03-03:');
    assert.deepEqual(service.references(uri, offset, true).map((occurrence) => [occurrence.kind, covered(service, occurrence.uri, occurrence.span)]), [['definition', 'LDM-503-03']]);
    assert.deepEqual(service.references(uri, offset, false), []);
  });
});

describe('prepare rename', () => {
  test('an ID: its span and the ID without quotes', () => {
    const { service, uri, offset } = releasesAt('      - "DM-A|P-2"');
    const check = service.prepareRename(uri, offset);
    assert.ok(check.ok);
    assert.deepEqual([covered(service, uri, check.span), check.id], ['"DM-AP-2"', 'DM-AP-2']);
  });

  test('refused with a message on an undefined ID and off an ID', () => {
    const refusal = (marked: string) => {
      const { service, uri, offset } = releasesAt(marked);
      return service.prepareRename(uri, offset);
    };
    assert.deepEqual(refusal('DM-X|X-9'), { ok: false, message: 'DM-XX-9 is not defined in any plan, so there is nothing to rename.' });
    assert.deepEqual(refusal('HSC re|processing'), { ok: false, message: 'Only a milestone or feature ID can be renamed here.' });
    assert.deepEqual(refusal('due: 2017-1|2-01'), { ok: false, message: 'Only a milestone or feature ID can be renamed here.' });
  });
});

describe('rename', () => {
  /** The two plans after renaming the ID at the cursor, or the message that refuses the new ID. */
  function renamed(marked: string, newId: string): { a: string; b: string } | string {
    const { service, uri, offset } = releasesAt(marked);
    const result = service.rename(uri, offset, newId);
    if ('message' in result) return result.message;
    assert.deepEqual([...result.edits.keys()].sort(), [planUri, otherUri].sort());
    return { a: edited(service, planUri, result.edits.get(planUri)), b: edited(service, otherUri, result.edits.get(otherUri)) };
  }

  test('every definition and listing, in both plans, each keeping its quotes and comments', () => {
    assert.deepEqual(renamed('      - "DM-AP-|2"', 'DM-AP-2a'), {
      a: `milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    features:
      - DM-AP-1
      - "DM-AP-2a"
  LDM-503-03:
    name: Alert generation
    due: 2018-12-01
    features: [DM-AP-1, 'DM-AP-2a', DM-XX-9]
`,
      b: features.replace('"DM-AP-2":', '"DM-AP-2a":'),
    });
  });

  test('a new ID that YAML would read as something else than text is quoted where the old one stood plain', () => {
    const result = renamed('      - DM-AP-1|', '1e3');
    assert.notEqual(typeof result, 'string');
    const { a, b } = result as { a: string; b: string };
    assert.ok(a.includes('      - "1e3"\n') && a.includes(`features: ["1e3", 'DM-AP-2', DM-XX-9]`), a);
    assert.ok(b.startsWith('features:\n  "1e3":   # single frame\n'), b);
    const asTrue = renamed("'DM-AP|-2'", 'true') as { a: string; b: string };
    // Where it was quoted, its own quotes are kept.
    assert.ok(asTrue.a.includes('      - "true"\n') && asTrue.a.includes(`[DM-AP-1, 'true', DM-XX-9]`), asTrue.a);
  });

  test('an invalid or taken ID is refused with a message', () => {
    assert.equal(renamed('      - DM-AP|-1', 'bad id!'), '"bad id!" is not a valid ID: use letters, digits, ".", "_" and "-", starting with a letter or digit.');
    assert.equal(renamed('      - DM-AP|-1', 'DM-AP-2'), 'DM-AP-2 is already defined; choose another ID.');
    assert.equal(renamed('      - DM-AP|-1', 'LDM-503-02'), 'LDM-503-02 is already defined; choose another ID.');
    assert.equal(renamed('DM-XX|-9', 'DM-XX-10'), 'DM-XX-9 is not defined in any plan, so there is nothing to rename.');
  });
});

describe('the item at the cursor (what the timeline highlights)', () => {
  const at = (marked: string) => {
    const { service, uri, offset } = releasesAt(marked);
    return service.idAt(uri, offset);
  };

  test('a listed ID is the item it names; a defined ID is its item', () => {
    assert.equal(at('      - DM-A|P-1'), 'DM-AP-1');
    assert.equal(at("'DM-AP|-2'"), 'DM-AP-2');
    assert.equal(at('  LDM-5|03-03:'), 'LDM-503-03');
  });

  test('any other line of an entry is its item; outside every entry, none', () => {
    assert.equal(at('name: Alert| generation'), 'LDM-503-03');
    assert.equal(at('due: 2017-|12-01'), 'LDM-503-02');
    assert.equal(at('    featu|res:\n      - DM-AP-1'), 'LDM-503-02');
    assert.equal(at('milest|ones:'), undefined);
  });
});

describe('predecessors', () => {
  const linked = `milestones:
  LDM-503-04:
    name: Science Platform demo
    due: 2018-06-30
    predecessors: [DM-AP-1]
features:
  DM-AP-3:
    name: Forced photometry
    due: 2018-01-01
    predecessors:
      - DM-AP-1   # measurement first
`;
  test('definition from a predecessor ID, references include every predecessors list, rename edits them all', () => {
    const { service, uri, offset } = atCursor(placeCursor(linked, '      - DM-AP-|1'), { other: features });
    assert.deepEqual(service.definitions(uri, offset).map((item) => [short(item.uri), covered(service, item.uri, item.idSpan)]), [['b.milestones.yaml', 'DM-AP-1']]);
    const found = service.references(uri, offset, false).map((occurrence) => [short(occurrence.uri), service.getFile(occurrence.uri)!.lineIndex.positionAt(occurrence.span.start).line + 1]);
    assert.deepEqual(found, [['a.milestones.yaml', 5], ['a.milestones.yaml', 11]]);
    const result = service.rename(uri, offset, 'DM-AP-1a');
    assert.ok('edits' in result);
    assert.equal(edited(service, planUri, result.edits.get(planUri)), linked.replaceAll('DM-AP-1]', 'DM-AP-1a]').replace('- DM-AP-1   #', '- DM-AP-1a   #'));
    assert.match(edited(service, otherUri, result.edits.get(otherUri)), /^ {2}DM-AP-1a: {3}# single frame$/m);
  });
});

describe('an overrides file and the plans: one item per code', () => {
  const overridesUri = 'file:///repo/data/local.yaml';
  const overrides = `# corrections\nLDM-503-02:\n  due: 2017-12-15\n"DM-AP-2":\n  comment: Renamed.\nDM-ZZ-1:\n  name: Not in any plan\n`;
  /** A service with the two plans and the overrides file, the cursor at `marked` in the plan or, with `inOverrides`, in the overrides file. */
  function open(marked: string, inOverrides: boolean) {
    const { service, uri, offset } = releasesAt(inOverrides ? 'HSC| reprocessing' : marked);
    const overridesText = inOverrides ? placeCursor(overrides, marked) : overrides;
    service.setOverridesFile(overridesUri, overridesText.replace('|', ''));
    return { service, uri: inOverrides ? overridesUri : uri, offset: inOverrides ? overridesText.indexOf('|') : offset };
  }
  const where = (uri: string) => (uri === planUri ? 'a' : uri === otherUri ? 'b' : 'overrides');

  test('go to definition from a code of the overrides file: the plan item', () => {
    const { service, uri, offset } = open('LDM-503-|02:', true);
    assert.deepEqual(service.definitions(uri, offset).map((item) => [where(item.uri), item.id]), [['a', 'LDM-503-02']]);
    const none = open('DM-ZZ-|1:', true);
    assert.deepEqual(none.service.definitions(none.uri, none.offset), []);
  });

  test('references from the plan and from the overrides file include the entry of the code', () => {
    const fromPlan = open('  LDM-503-|02:', false);
    assert.deepEqual(fromPlan.service.references(fromPlan.uri, fromPlan.offset, true).map((found) => [where(found.uri), found.kind]), [['a', 'definition'], ['overrides', 'reference']]);
    const fromOverrides = open('"DM-AP|-2":', true);
    assert.deepEqual(fromOverrides.service.references(fromOverrides.uri, fromOverrides.offset, false).map((found) => where(found.uri)), ['a', 'a', 'overrides']);
  });

  test('rename from either side renames the code in the overrides file too, keeping its quotes', () => {
    const { service, uri, offset } = open('"DM-AP|-2":', true);
    const result = service.rename(uri, offset, 'DM-AP-22');
    assert.ok('edits' in result);
    assert.equal(applyEdits(overrides, result.edits.get(overridesUri)!), overrides.replace('"DM-AP-2":', '"DM-AP-22":'));
    assert.deepEqual([...result.edits.keys()].map(where).sort(), ['a', 'b', 'overrides']);
    const none = open('DM-ZZ-|1:', true);
    assert.deepEqual(none.service.prepareRename(none.uri, none.offset), { ok: false, message: 'DM-ZZ-1 is not defined in any plan, so there is nothing to rename.' });
  });
});
