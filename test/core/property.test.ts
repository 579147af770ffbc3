// Property-based: random and adversarial text through the whole pipeline never throws,
// and the time it takes grows linearly with the input (RE2 plus linear-shaped regexes).
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { renderJson } from '../../src/core/render/json.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderText } from '../../src/core/render/text.js';
import { bundledIndex } from '../support/library.js';

const index = bundledIndex();
const fragments = [
  'x509: certificate is valid for ', ', not ', 'tls: ', '"', '\\"', '{"msg":"', '"}', '[', ']', ':', '::', '.', '-', '*.', 'https://', '<', '|', '>', '&lt;', '```', '`',
  '\x1b[31m', '\x1b]', '10.0.0.', '255.', '2379', ' ', '\n', '\r\n', 'a', 'etcd0-0.etcd', 'DNS:', 'IP Address:', 'dns-names', '=[', 'server-name=', 'Namespace:', 'secret/',
  'cannot validate certificate for ', "doesn't contain any IP SANs", 'unable to get local issuer certificate', 'first record does not look like a TLS handshake', 'filter_chain_not_found',
];
const adversarial = fc.array(fc.constantFrom(...fragments), { maxLength: 400, size: 'large' }).map((xs) => xs.join(''));

function runAll(input: string | Uint8Array): void {
  const d = diagnose(index, input);
  renderText(d);
  renderMarkdown(d);
  JSON.parse(renderJson(d));
}

describe('the whole pipeline on hostile input', () => {
  test('random unicode text never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000, size: 'large' }), (s) => runAll(s)), { numRuns: 300 });
  });

  test('random bytes (binary pastes, invalid UTF-8) never throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000, size: 'large' }), (b) => runAll(b)), { numRuns: 300 });
  });

  test('adversarial mixes of the very tokens patterns and extractors look for never throw', () => {
    fc.assert(fc.property(adversarial, (s) => runAll(s)), { numRuns: 500 });
  });

  test('1 MB single lines of pathological repetitions are handled', () => {
    for (const unit of ['a', 'a.', '1.', '::', '{"msg":"', '\\"', 'x509: certificate is valid for a, ', '*.a', '<http://a|', '-', 'dns-names=["a",']) {
      const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
      expect(() => runAll(line)).not.toThrow();
    }
  });
});

describe('time grows linearly with input size', () => {
  // Not a speed test: the ratio between 4x and 1x inputs of the same shape. A quadratic
  // step would give ~16x; linear gives ~4x. Medians of several runs keep it stable.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const timeOf = (input: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      diagnose(index, input);
      runs.push(Number(process.hrtime.bigint() - t));
    }
    return median(runs);
  };
  test.each([
    ['one long line of dotted labels', (n: number) => 'a.'.repeat(n)],
    ['one long line of colons', (n: number) => ':a'.repeat(n)],
    ['repeated Go name lists', (n: number) => 'x509: certificate is valid for a, '.repeat(n / 16)],
    ['many short matching lines', (n: number) => "x509: cannot validate certificate for 10.0.0.1 because it doesn't contain any IP SANs\n".repeat(n / 40)],
    ['escaped quotes', (n: number) => '\\"a'.repeat(n / 2)],
  ])('%s', (_name, make) => {
    const small = make(50_000);
    const large = make(200_000);
    timeOf(small); // warm up
    const ratio = timeOf(large) / timeOf(small);
    expect(ratio).toBeLessThan(9);
  });
});
