import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { compilePattern } from '../../src/core/regex/gate.js';
import { requiredLiterals } from '../../src/core/regex/requiredLiterals.js';
import { bundledIndex } from '../support/library.js';

describe('requiredLiterals', () => {
  test.each([
    ['certificate host mismatch', ['certificate host']],
    ['(sslv3|tlsv1) alert certificate expired', ['sslv3 alert cert', 'tlsv1 alert cert']],
    ['x509: cannot validate certificate for (?P<target_ip>[0-9a-f.:]+) because', ['x509: cannot val']],
    ['a.*b', ['a']],
    ['.*', undefined],
    ['(?:a|.*)x?', undefined],
    ['(?:foo)?bar', ['bar', 'foobar']],
    ['[Ss]ecret "', ['secret "']],
    ['\\bCERT_HAS_EXPIRED\\b', ['cert_has_expired']],
    ['x{2,5}yz', ['yz']],
    ['(?i)Hostname mismatch', ['hostname mismatc']],
  ])('%s', (pattern, expected) => {
    expect(requiredLiterals(pattern)?.sort()).toEqual(expected?.sort());
  });

  test('for every playbook pattern, every line it matches contains one of its literals', () => {
    const index = bundledIndex();
    const lines = index.playbooks.flatMap((p) => p.playbook.examples.flatMap((e) => e.log.split('\n')));
    for (const p of index.playbooks)
      for (const m of p.match) {
        const literals = requiredLiterals(m.source);
        if (!literals) continue;
        const re = compilePattern(m.source);
        for (const line of lines) if (re.test(line)) expect({ pattern: m.source, line, hit: literals.some((l) => line.toLowerCase().includes(l)) }).toMatchObject({ hit: true });
      }
  });

  test('random alternations and concatenations of literals: literals are always required', () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      leaf: word,
      alt: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
      cat: fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
      opt: tie('node').map((a) => `(?:${a})?`),
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('alt'), tie('cat'), tie('opt')),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(node, fc.string({ maxLength: 30 }), (pattern, noise) => {
        const literals = requiredLiterals(pattern);
        if (!literals) return;
        // Build a matching string by taking the first branch of every alternation and
        // every optional part, then check it contains a literal.
        const re = compilePattern(pattern, 'g');
        const text = noise + pattern.replace(/\(\?:|\)\?|\)|\|[^()]*?(?=\))/g, '') + noise;
        const m = re.exec(text);
        if (m) expect(literals.some((l) => m[0].toLowerCase().includes(l))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
