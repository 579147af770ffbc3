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

  test('random patterns: a string the pattern matches always contains one of its literals', () => {
    // A random pattern AST, rendered both as a pattern and as one string it matches.
    type Node = { kind: 'lit'; text: string } | { kind: 'alt' | 'cat'; a: Node; b: Node; pick: boolean } | { kind: 'opt' | 'star'; a: Node; take: boolean } | { kind: 'class' };
    const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.stringMatching(/^[a-z:. -]{1,6}$/).map((text): Node => ({ kind: 'lit', text })),
        fc.constant<Node>({ kind: 'class' }),
        fc.record({ kind: fc.constantFrom<'alt' | 'cat'>('alt', 'cat'), a: tie('node'), b: tie('node'), pick: fc.boolean() }),
        fc.record({ kind: fc.constantFrom<'opt' | 'star'>('opt', 'star'), a: tie('node'), take: fc.boolean() }),
      ),
    })).node;
    const escape = (t: string) => t.replace(/[.]/g, '\\.');
    const pattern = (n: Node): string =>
      n.kind === 'lit' ? escape(n.text) : n.kind === 'class' ? '[0-9]' : n.kind === 'alt' ? `(?:${pattern(n.a)}|${pattern(n.b)})` : n.kind === 'cat' ? pattern(n.a) + pattern(n.b) : `(?:${pattern(n.a)})${n.kind === 'opt' ? '?' : '*'}`;
    const sample = (n: Node): string => {
      if (n.kind === 'lit') return n.text;
      if (n.kind === 'class') return '7';
      if ('pick' in n) return n.kind === 'alt' ? sample(n.pick ? n.a : n.b) : sample(n.a) + sample(n.b);
      return n.take ? sample(n.a).repeat(n.kind === 'star' ? 2 : 1) : '';
    };
    fc.assert(
      fc.property(node, (n) => {
        const literals = requiredLiterals(pattern(n));
        const text = sample(n);
        expect(compilePattern(pattern(n)).test(text)).toBe(true);
        if (literals) expect({ text, literals, ok: literals.some((l) => text.toLowerCase().includes(l)) }).toMatchObject({ ok: true });
      }),
      { numRuns: 1000 },
    );
  });
});
