// The TextMate grammar, tokenized with VS Code's own engine (vscode-textmate + oniguruma):
// keys, IDs where defined and where listed, dates, acronyms, comments and the disable directive.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = resolve(__dirname, '../..');
let grammar: IGrammar;

interface Token {
  line: number;
  text: string;
  scopes: string[];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state = INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** The scopes of the token that is exactly `text` on `line` (0-based), or of the first such token. */
function scopesOf(tokens: Token[], text: string, line?: number): string[] {
  const token = tokens.find((candidate) => candidate.text === text && (line === undefined || candidate.line === line));
  assert.ok(token, `no token "${text}"${line === undefined ? '' : ` on line ${line}`}: ${JSON.stringify(tokens.filter((candidate) => line === undefined || candidate.line === line).map((candidate) => candidate.text))}`);
  return token.scopes;
}

const has = (scopes: string[], scope: string) => assert.ok(scopes.some((candidate) => candidate.startsWith(scope)), `${scope} not in ${scopes.join(' ')}`);

before(async () => {
  const wasm = readFileSync(resolve(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: (scopeName) => {
      if (scopeName !== 'source.milestone-yaml') return Promise.resolve(null);
      const path = resolve(root, 'syntaxes/milestones.tmLanguage.json');
      return Promise.resolve(parseRawGrammar(readFileSync(path, 'utf8'), path));
    },
  });
  grammar = (await registry.loadGrammar('source.milestone-yaml'))!;
});

const fixture = `# A plan
document: LDM-564
asOf: 2021-08-11
milestones:
  LDM-503-05:   # the alert milestone
    name: Alert distribution validation with HSC data
    due: "2018-07-17"
    completed: 2018-07-17
    bogus: 1
    description: >-
      Demonstrates the AP payload at NCSA.
    features:
      # milestones-disable-next-line feature-due-after-milestone
      - DM-NCSA-8
      - "DM-NCSA-9"
  LDM-503-11:
    name: "Ops rehearsal #2
    due: 2021-07-01
    features: [DM-NCSA-16, DM-NCSA-8]
features:
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2021-07-01
acronyms:
  CC-IN2P3: Centre de Calcul
`;

describe('the grammar', () => {
  test('known keys and unknown keys', () => {
    const tokens = tokenize(fixture);
    for (const key of ['document', 'asOf', 'milestones', 'name', 'due', 'completed', 'description', 'features', 'acronyms']) has(scopesOf(tokens, key), 'keyword.other.key.milestone-yaml');
    has(scopesOf(tokens, 'bogus'), 'entity.name.tag.yaml');
  });
  test('IDs where defined and where listed, block and flow, quoted or not', () => {
    const tokens = tokenize(fixture);
    has(scopesOf(tokens, 'LDM-503-05', 4), 'entity.name.type.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-8', 20), 'entity.name.type.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-8', 13), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-9', 14), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-16', 18), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-8', 18), 'variable.other.id.milestone-yaml');
  });
  test('predecessor IDs in block and flow lists, on milestones and features', () => {
    const plan = `milestones:
  M-2:
    name: Two
    due: 2021-01-01
    predecessors:
      - M-1
      - "F-1"
features:
  F-2:
    name: Feature two
    due: 2021-01-01
    predecessors: [F-1, M-1]
`;
    const tokens = tokenize(plan);
    has(scopesOf(tokens, 'predecessors', 4), 'keyword.other.key.milestone-yaml');
    has(scopesOf(tokens, 'M-1', 5), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'F-1', 6), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'predecessors', 11), 'keyword.other.key.milestone-yaml');
    has(scopesOf(tokens, 'F-1', 11), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'M-1', 11), 'variable.other.id.milestone-yaml');
  });
  test('dates, quoted or not', () => {
    const tokens = tokenize(fixture);
    has(scopesOf(tokens, '2021-08-11', 2), 'constant.numeric.date.milestone-yaml');
    has(scopesOf(tokens, '2018-07-17', 6), 'constant.numeric.date.milestone-yaml');
    has(scopesOf(tokens, '2018-07-17', 7), 'constant.numeric.date.milestone-yaml');
  });
  test('acronyms in names and in a folded description; acronym terms', () => {
    const tokens = tokenize(fixture);
    has(scopesOf(tokens, 'HSC', 5), 'constant.language.acronym.milestone-yaml');
    has(scopesOf(tokens, 'NCSA', 10), 'constant.language.acronym.milestone-yaml');
    has(scopesOf(tokens, 'CC-IN2P3', 24), 'constant.language.acronym.definition.milestone-yaml');
  });
  test('comments and the disable directive', () => {
    const tokens = tokenize(fixture);
    has(scopesOf(tokens, 'milestones-disable-next-line', 12), 'keyword.control.directive.milestone-yaml');
    has(scopesOf(tokens, 'feature-due-after-milestone', 12), 'constant.other.rule-code.milestone-yaml');
    assert.ok(tokens.filter((token) => token.line === 4 && token.text.includes('the alert milestone')).every((token) => token.scopes.some((scope) => scope.startsWith('comment.line'))));
  });
  test('an unterminated quote does not colour the lines after it', () => {
    const tokens = tokenize(fixture);
    has(scopesOf(tokens, 'due', 17), 'keyword.other.key.milestone-yaml');
    has(scopesOf(tokens, '2021-07-01', 17), 'constant.numeric.date.milestone-yaml');
  });
  test('every key of the JSON Schema is a known key', () => {
    type Properties = { properties: Record<string, unknown> };
    const schema = JSON.parse(readFileSync(resolve(root, 'schemas/milestones.schema.json'), 'utf8')) as Properties & { definitions: { milestone: Properties; feature: Properties } };
    const keys = new Set([...Object.keys(schema.properties), ...Object.keys(schema.definitions.milestone.properties), ...Object.keys(schema.definitions.feature.properties)]);
    for (const key of keys) has(scopesOf(tokenize(`${key}: x`), key, 0), 'keyword.other.key.milestone-yaml');
  });
  test('the example plan: IDs defined and listed', () => {
    const example = readFileSync(resolve(root, 'examples/ldm-564.milestones.yaml'), 'utf8');
    const tokens = tokenize(example);
    const lines = example.split('\n');
    has(scopesOf(tokens, 'LDM-503-05', lines.indexOf('  LDM-503-05:')), 'entity.name.type.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-8', lines.indexOf('      - DM-NCSA-8')), 'variable.other.id.milestone-yaml');
    has(scopesOf(tokens, 'DM-NCSA-8', lines.indexOf('  DM-NCSA-8:')), 'entity.name.type.id.milestone-yaml');
  });
});
