// Document links (server/src/service/features/links.ts) in memory: each link as the text it
// covers and where it leads.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService } from '../../server/src/service';
import { covered, openPlan, type PlanOptions } from '../helpers/cursor';

function links(text: string, options?: PlanOptions): [string, string, string][] {
  const { service, uri } = openPlan(text, options);
  return service.documentLinks(uri).map((link) => [covered(service, uri, link.span), link.target, link.tooltip]);
}

const plan = `document: LDM-564
title: Data Management Releases (see DMTN-106)
milestones:
  LDM-503-05:
    name: Alert distribution validation, as LDM-503 plans
    due: 2018-07-17
    description: >-
      Follows SQR-009 and
      RFC-42.
    jira: LDM-503
features:
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2021-07-01
    jira: DM-12345
  DM-NCSA-9:
    name: Test instance
    due: 2019-05-31
    jira: not a key
`;

describe('document links', () => {
  test("document handles in the plan's document, title, names and descriptions lead to ls.st", () => {
    assert.deepEqual(links(plan), [
      ['LDM-564', 'https://ls.st/LDM-564', 'Open LDM-564'],
      ['DMTN-106', 'https://ls.st/DMTN-106', 'Open DMTN-106'],
      ['LDM-503', 'https://ls.st/LDM-503', 'Open LDM-503'],
      ['SQR-009', 'https://ls.st/SQR-009', 'Open SQR-009'],
      ['RFC-42', 'https://ls.st/RFC-42', 'Open RFC-42'],
    ]);
  });

  test('jira keys lead to milestones.jiraBaseUrl, with or without its closing slash; a value that is not a key does not', () => {
    const jira = (jiraBaseUrl: string) => links(plan, { settings: { jiraBaseUrl } }).filter(([, target]) => !target.startsWith('https://ls.st/'));
    const expected = [
      ['LDM-503', 'https://jira.example.org/browse/LDM-503', 'Open LDM-503 in Jira'],
      ['DM-12345', 'https://jira.example.org/browse/DM-12345', 'Open DM-12345 in Jira'],
    ];
    assert.deepEqual(jira('https://jira.example.org/browse/'), expected);
    assert.deepEqual(jira('https://jira.example.org/browse'), expected);
  });

  test('IDs, where defined or listed, are not links, though they look like handles', () => {
    assert.deepEqual(links(`milestones:\n  LDM-503-05:\n    name: Alert distribution\n    due: 2018-07-17\n    features: [LDM-503-06]\n`, { settings: { jiraBaseUrl: 'https://jira.example.org/browse/' } }), []);
  });
});

describe('links in an overrides file', () => {
  test('handles in descriptions, names and comments, and the Jira keys of jira, jira_testplan and test_spec', () => {
    const text = `DLP-552:\n  description: Follows RFC-42 and\n    DMTN-106.\n  comment: See LDM-503.\n  jira: DM-33221\n  jira_testplan: LVV-P72\n  test_spec: LVV-T1234\n  short_name: LDM-999\n`;
    const service = createPlanService();
    service.setSettings({ jiraBaseUrl: 'https://jira.example.org/browse' });
    service.setOverridesFile('file:///repo/data/local.yaml', text);
    assert.deepEqual(service.documentLinks('file:///repo/data/local.yaml').map((link) => [text.slice(link.span.start, link.span.end), link.target]), [
      ['RFC-42', 'https://ls.st/RFC-42'],
      ['DMTN-106', 'https://ls.st/DMTN-106'],
      ['LDM-503', 'https://ls.st/LDM-503'],
      ['DM-33221', 'https://jira.example.org/browse/DM-33221'],
      ['LVV-P72', 'https://jira.example.org/browse/LVV-P72'],
      ['LVV-T1234', 'https://jira.example.org/browse/LVV-T1234'],
    ]);
  });
});
