// `yaml-syntax`: the YAML does not parse, each error at the place the parser found it (the rest of
// the file is still checked); an alias that expands too far, nesting too deep.
import { syntaxProblems } from '../checks/syntax';
import { defineRule } from './rule';

export default defineRule({
  code: 'yaml-syntax',
  severity: 'error',
  short: 'YAML syntax error',
  full: 'The YAML does not parse (each error at its own place; the rest of the file is still checked), an alias expands to more than 10,000 nodes, or nesting is deeper than 256 levels (that part of the file is not read).',
  checkSegment: (segment) => syntaxProblems(segment.parsed, segment.split),
  checkOverrides: (file) => file.syntaxErrors.map((error) => ({ code: 'yaml-syntax', message: error.message, start: error.start, end: error.end })),
});
