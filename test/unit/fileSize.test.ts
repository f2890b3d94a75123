// The size limit counts bytes as the file has them on disk (UTF-8), not UTF-16 code units.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createPlanService } from '../../server/src/service';
import { utf8Length } from '../../server/src/service/text/utf8';

describe('file size', () => {
  test('utf8Length agrees with Buffer.byteLength on any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) }), (text, surrogates) => {
        const mixed = text + surrogates + text;
        assert.equal(utf8Length(mixed), Buffer.byteLength(mixed, 'utf8'));
      }),
    );
  });

  test('a plan over the limit in UTF-8 bytes is too large, though its characters are fewer', () => {
    const limit = 1000;
    const plan = (filler: string) => `title: "${filler.repeat(700)}"\nmilestones: {}\n`;
    const workspace = createPlanService();
    workspace.setSettings({ maxFileSize: limit });
    workspace.setFile('file:///ascii.milestones.yaml', plan('e')); // 725 bytes
    workspace.setFile('file:///accented.milestones.yaml', plan('é')); // 725 characters, 1425 bytes
    const codes = (uri: string) => workspace.problems(uri).map((problem) => problem.code);
    assert.ok(!codes('file:///ascii.milestones.yaml').includes('file-too-large'));
    const [problem] = workspace.problems('file:///accented.milestones.yaml');
    assert.equal(problem?.code, 'file-too-large');
    assert.match(problem.message, /This file is 2 KB, larger than the limit of 1 KB/);
  });
});
