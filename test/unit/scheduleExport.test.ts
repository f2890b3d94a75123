// The plan exported as MS Project XML and as an iCalendar file: the round trip plan → MSPDI →
// import gives back the same plan; overridden dates are the ones exported; the calendar's events,
// UIDs, escaping and folding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService, type PlanService } from '../../server/src/service';
import { exportItems } from '../../server/src/service/schedules/exportItems';
import { icsExport } from '../../server/src/service/schedules/icsExport';
import { readMspdi } from '../../server/src/service/schedules/mspdi';
import { mspdiExport } from '../../server/src/service/schedules/mspdiExport';
import { planYaml, scheduleToPlan } from '../../server/src/service/schedules/scheduleToPlan';

const uri = 'file:///plans/dm.milestones.yaml';

/** A plan in the form the import writes, with every field MSPDI carries. */
const plan = `title: DM releases & friends
asOf: 2021-08-11

milestones:
  LDM-503-01:
    name: "Science Platform <first look>"
    due: 2021-03-01
    completed: 2021-03-04
    level: 1
  LDM-503-02:
    name: HSC reprocessing, again
    due: 2021-06-01
    forecast: 2021-09-15
    level: 2
    features:
      - DM-AP-1
      - DM-AP-2
    predecessors:
      - LDM-503-01
  "1.5":
    name: Data Preview 0.2
    due: 2021-12-01

features:
  DM-AP-1:
    name: Alert Production pipeline
    due: 2021-05-14
    completed: 2021-05-30
  DM-AP-2:
    name: Alert distribution
    due: 2021-08-01
    forecast: 2021-08-15
    predecessors:
      - DM-AP-1
      - LDM-503-01
`;

function serviceOf(text: string, overrides?: string): PlanService {
  const service = createPlanService();
  service.setFile(uri, text);
  if (overrides) service.setOverridesFile('file:///plans/local.yaml', overrides);
  return service;
}

function mspdiOf(service: PlanService): string {
  return mspdiExport(exportItems(service.effectivePlan(), service.allFiles()), { title: 'DM releases & friends', asOf: service.snapshot().asOf });
}

describe('export to MS Project XML', () => {
  test('the round trip: plan → export --format mspdi → import --features gives back the same plan', () => {
    const xml = mspdiOf(serviceOf(plan));
    assert.equal(planYaml(scheduleToPlan(readMspdi(xml), { features: true })), plan);
  });

  test('milestones as zero-duration tasks, due as Baseline 0, finish on the expected date, completed at 100%, CRLF and escaped text', () => {
    const xml = mspdiOf(serviceOf(plan));
    const task = (wbs: string) => new RegExp(`<Task>(?:(?!</Task>)[\\s\\S])*<WBS>${wbs.replace('.', '\\.')}</WBS>(?:(?!</Task>)[\\s\\S])*</Task>`).exec(xml)![0];
    const release = task('LDM-503-02');
    assert.match(release, /<Finish>2021-09-15T17:00:00<\/Finish>\r\n\s*<Duration>PT0H0M0S<\/Duration>/);
    assert.match(release, /<Milestone>1<\/Milestone>/);
    assert.match(release, /<Baseline>\r\n\s*<Number>0<\/Number>\r\n\s*<Start>2021-06-01T17:00:00<\/Start>\r\n\s*<Finish>2021-06-01T17:00:00<\/Finish>/);
    assert.match(task('DM-AP-1'), /<PercentComplete>100<\/PercentComplete>[\s\S]*<ActualFinish>2021-05-30T17:00:00<\/ActualFinish>/);
    assert.match(task('LDM-503-01'), /<Name>Science Platform &lt;first look&gt;<\/Name>/);
    assert.match(xml, /<Title>DM releases &amp; friends<\/Title>/);
    assert.ok(!/[^\r]\n/.test(xml), 'CRLF line ends, as MS Project writes');
  });

  test("an overrides file's dates are the ones exported", () => {
    const xml = mspdiOf(serviceOf(plan, 'LDM-503-02:\n  due: 2021-07-01\n  completed: 2021-10-01\n'));
    const back = scheduleToPlan(readMspdi(xml), { features: true }).items.find((item) => item.id === 'LDM-503-02')!;
    assert.deepEqual([back.due, back.forecast, back.completed], ['2021-07-01', undefined, '2021-10-01']);
  });
});

describe('export to iCalendar', () => {
  test('an all-day event on each due date, with a stable UID, the state and the place in the description, folded at 75 octets', () => {
    const service = serviceOf(plan);
    const ics = icsExport(exportItems(service.effectivePlan(), service.allFiles()), { title: 'DM; releases', asOf: service.snapshot().asOf, linkBase: 'https://example.org/plans/blob/main', relativePath: () => 'plans/dm.milestones.yaml' });
    const lines = ics.split('\r\n');
    assert.equal(lines[lines.length - 1], '');
    assert.ok(lines.every((line) => new TextEncoder().encode(line).length <= 75), 'no line longer than 75 octets');
    const unfolded = ics.replace(/\r\n /g, '');
    const event = (id: string) => new RegExp(`BEGIN:VEVENT\\r\\nUID:${id}@[\\s\\S]*?END:VEVENT`).exec(unfolded)![0];
    assert.equal(
      event('LDM-503-02'),
      [
        'BEGIN:VEVENT',
        'UID:LDM-503-02@dm-releases.milestones',
        'DTSTAMP:20210811T000000Z',
        'DTSTART;VALUE=DATE:20210601',
        'DTEND;VALUE=DATE:20210602',
        'SUMMARY:LDM-503-02: HSC reprocessing\\, again',
        'DESCRIPTION:Milestone LDM-503-02\\, due 2021-06-01: overdue\\, forecast 2021-09-15.\\nplans/dm.milestones.yaml:10\\nhttps://example.org/plans/blob/main/plans/dm.milestones.yaml#L10',
        'CATEGORIES:Milestone',
        'URL:https://example.org/plans/blob/main/plans/dm.milestones.yaml#L10',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      ].join('\r\n'),
    );
    assert.match(event('DM-AP-1'), /STATUS:CONFIRMED/);
    assert.match(unfolded, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:[^\r]+\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:DM\\; releases\r\n/);
    assert.equal((unfolded.match(/BEGIN:VEVENT/g) ?? []).length, 5);
  });
});
