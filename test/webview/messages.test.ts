// What the extension accepts from the timeline page, and the page it serves: the page renders text
// from files, so everything it posts is untrusted, and its HTML must carry a strict CSP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maxIdLength, maxMoveDays, parseFromTimeline } from '../../client/src/timeline/messages';
import { makeNonce, timelineHtml } from '../../client/src/timeline/timelineHtml';

describe('messages from the timeline', () => {
  test('well-formed messages pass through unchanged', () => {
    assert.deepEqual(parseFromTimeline({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromTimeline({ type: 'reveal', id: 'LDM-503-04b' }), { type: 'reveal', id: 'LDM-503-04b' });
    assert.deepEqual(parseFromTimeline({ type: 'reveal', id: 'DM.NCSA_9' }), { type: 'reveal', id: 'DM.NCSA_9' });
    const svg = { type: 'exportImage', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' };
    assert.deepEqual(parseFromTimeline(svg), svg);
    const png = { type: 'exportImage', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' };
    assert.deepEqual(parseFromTimeline(png), png);
  });

  test('a forged reveal naming a path, a URI or anything but an ID is dropped', () => {
    const forged = [
      '../../../../etc/passwd',
      '/etc/passwd',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'C:\\Windows\\win.ini',
      '<img src=x onerror=alert(1)>',
      '',
      ' LDM-503-05',
      'LDM-503-05\n',
      'A'.repeat(maxIdLength + 1),
      42,
      null,
      { toString: () => 'LDM-503-05' },
      ['LDM-503-05'],
    ];
    for (const id of forged) assert.equal(parseFromTimeline({ type: 'reveal', id }), undefined, `accepted ${String(id)}`);
  });

  test('a move names an ID and a whole, non-zero number of days within a century; anything else is dropped', () => {
    assert.deepEqual(parseFromTimeline({ type: 'move', id: 'LDM-503-04b', days: 14 }), { type: 'move', id: 'LDM-503-04b', days: 14 });
    assert.deepEqual(parseFromTimeline({ type: 'move', id: 'DM.NCSA_9', days: -maxMoveDays }), { type: 'move', id: 'DM.NCSA_9', days: -maxMoveDays });
    for (const days of [0, 1.5, maxMoveDays + 1, -maxMoveDays - 1, Number.NaN, Infinity, '14', null, undefined]) assert.equal(parseFromTimeline({ type: 'move', id: 'LDM-503-05', days }), undefined, `accepted ${String(days)} days`);
    for (const id of ['../etc/passwd', '', 42, 'A'.repeat(maxIdLength + 1)]) assert.equal(parseFromTimeline({ type: 'move', id, days: 3 }), undefined, `accepted ${String(id)}`);
  });

  test('messages of unknown type, and what is not a message, are dropped', () => {
    for (const message of [null, undefined, 'ready', 42, [], ['ready'], {}, { type: 'openFile', path: '/etc/passwd' }, { type: 'READY' }]) {
      assert.equal(parseFromTimeline(message), undefined, `accepted ${JSON.stringify(message)}`);
    }
  });

  test('exported images must be what they claim: SVG text or a base64 PNG data URL', () => {
    const bad = [
      { format: 'svg', data: '<html><script>alert(1)</script></html>' },
      { format: 'svg', data: 42 },
      { format: 'png', data: 'data:image/png;base64,' },
      { format: 'png', data: 'data:image/png;base64,@@@' },
      { format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
      { format: 'png', data: 'file:///etc/passwd' },
      { format: 'html', data: '<svg/>' },
    ];
    for (const fields of bad) assert.equal(parseFromTimeline({ type: 'exportImage', ...fields }), undefined, `accepted ${JSON.stringify(fields)}`);
  });
});

describe('the timeline page', () => {
  const nonce = makeNonce();
  const html = timelineHtml({
    cspSource: 'https://webview.example',
    nonce,
    scriptUri: 'https://webview.example/timeline.js',
    styleUri: 'https://webview.example/timeline.css',
  });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

  test('carries a CSP that denies by default and runs only the nonce-tagged bundle', () => {
    assert.ok(csp, 'no CSP meta element');
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), ['https://webview.example']);
    assert.ok(!csp.includes('unsafe'), csp);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    assert.deepEqual(scripts, [` nonce="${nonce}" src="https://webview.example/timeline.js"`]);
    assert.ok(!/ style=| on[a-z]+=/i.test(html), 'inline style or handler attribute in the page');
  });

  test('nonces are fresh, and a nonce that could break out of the policy is refused', () => {
    assert.notEqual(makeNonce(), makeNonce());
    assert.throws(() => timelineHtml({ cspSource: 'x', nonce: "abc' 'unsafe-inline", scriptUri: 'a', styleUri: 'b' }), /invalid nonce/);
  });

  test('the resource origin and URIs are escaped into the page', () => {
    const page = timelineHtml({ cspSource: '"><script>', nonce, scriptUri: '"><script>alert(1)</script>', styleUri: 'x' });
    assert.equal([...page.matchAll(/<script/g)].length, 1);
  });
});
