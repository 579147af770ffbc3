// The matcher's two stages agree with a plain per-line reference on any text.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { compilePattern } from '../../src/core/regex/gate.js';
import { readFileSync } from 'node:fs';
import { buildPatternIndex, escapeLiteral, scanLines } from '../../src/core/match/scanner.js';
import { parsePlaybook } from '../../src/core/playbook/parse.js';
import { bundledIndex } from '../support/library.js';

const index = bundledIndex();
const all = index.refs.map((r) => index.playbooks[r.playbook]?.match[r.pattern]?.source as string);
const perLine = all.map((s) => compilePattern(s));

function reference(text: string): number[][] {
  return text.split('\n').map((line) => perLine.flatMap((re, i) => (re.test(line) ? [i] : [])));
}
function scanned(text: string): number[][] {
  const buf = Buffer.from(text);
  const byLine = text.split('\n').map(() => [] as number[]);
  const starts: number[] = [];
  let off = 0;
  for (const l of text.split('\n')) {
    starts.push(off);
    off += Buffer.byteLength(l) + 1;
  }
  for (const hit of scanLines(index, buf)) byLine[starts.indexOf(hit.start)] = hit.patterns;
  return byLine;
}

describe('scanLines', () => {
  const lines = index.playbooks.flatMap((p) => p.playbook.examples.flatMap((e) => e.log.split('\n')));
  test('finds exactly the lines and patterns a per-line match finds, on every example line', () => {
    const text = lines.join('\n');
    expect(scanned(text)).toEqual(reference(text));
  });

  test('… and on random mixes of example lines and noise', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 80 })), { maxLength: 40 }), (ls) => {
        const text = ls.join('\n');
        expect(scanned(text)).toEqual(reference(text));
      }),
      { numRuns: 200 },
    );
  });

  test('^ anchors at the start of any line, not only the first', () => {
    const text = readFileSync(new URL('../../playbooks/go-no-ip-sans.yaml', import.meta.url), 'utf8').replace(
      '"x509: cannot validate certificate for (?P<target_ip>[0-9a-f.:]+) because"',
      '"^x509: cannot validate certificate for (?P<target_ip>[0-9a-f.:]+) because"',
    );
    const parsed = parsePlaybook('go-no-ip-sans.yaml', text);
    if (!('playbook' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    const anchored = buildPatternIndex([parsed.playbook]);
    const paste = Buffer.from("noise\nx509: cannot validate certificate for 10.0.0.1 because it has no IP SANs\n");
    expect(scanLines(anchored, paste).map((h) => [h.start, h.patterns])).toEqual([[6, [1]]]);
  });
});

describe('escapeLiteral', () => {
  test.each([['hostname/ip does'], ['a.b*c+d?(e)|[f]{g}^h$i\\j'], ['证书 "quoted" <x> -n=1:2']])('%s matches itself literally through the gate', (literal) => {
    const re = compilePattern(escapeLiteral(literal), 'g');
    expect(re.exec(Buffer.from(`noise ${literal.toUpperCase()} noise`))?.index).toBe(6);
  });
});
