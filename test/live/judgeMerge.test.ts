// The shared verdict rule and the merge, with plain findings and matches.
import { describe, expect, test } from '@jest/globals';
import { finding } from '../../src/core/certificate/finding.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { judge } from '../../src/core/live/judge.js';
import { withLiveResults } from '../../src/core/live/merge.js';
import { bundledIndex } from '../support/library.js';

const decides = ['ip-san-missing', 'unknown-ca', 'incomplete-chain'] as const;
const ipMissing = finding('ip-san-missing', 'error', null, 'Certificate 0 lacks IP 10.0.0.5; add IP SAN 10.0.0.5.');
const chain = finding('incomplete-chain', 'error', null, 'The leaf comes without its intermediate.');

describe('judge', () => {
  test('an error of the category confirms; its absence refutes; a category it cannot decide stays inconclusive', () => {
    expect(judge({ category: 'ip-san-missing', ties: [] }, decides, 'x serves y', [ipMissing])).toEqual({ status: 'confirmed', message: 'x serves y; certificate 0 lacks IP 10.0.0.5; add IP SAN 10.0.0.5.', findings: [ipMissing] });
    expect(judge({ category: 'ip-san-missing', ties: [] }, decides, 'x serves y', [])).toMatchObject({ status: 'refuted', message: 'x serves y; no ip-san-missing there now' });
    expect(judge({ category: 'sni-missing', ties: [] }, decides, 'x serves y', [ipMissing])).toMatchObject({ status: 'inconclusive', message: 'x serves y; it shows ip-san-missing instead: certificate 0 lacks IP 10.0.0.5; add IP SAN 10.0.0.5.' });
    expect(judge({ category: 'ip-san-missing', ties: [] }, decides, 'x', [{ ...ipMissing, severity: 'warning' }]).status).toBe('refuted');
  });

  test('among other findings, the category the match is tied with is named', () => {
    const tie = { category: 'incomplete-chain' as const, playbook: 'p', check: 'probe-served-chain' as const, how: null };
    expect(judge({ category: 'unknown-ca', ties: [tie] }, decides, 'x', [ipMissing, chain]).message).toBe('x; no unknown-ca there now; it shows incomplete-chain instead: the leaf comes without its intermediate.');
  });
});

describe('withLiveResults', () => {
  test('confirmed matches move ahead, refuted ones behind, the rest keep their order', () => {
    const d = diagnose(bundledIndex(), 'x509: certificate has expired or is not yet valid\ncurl: (60) SSL certificate problem: unable to get local issuer certificate\ntls: first record does not look like a TLS handshake');
    expect(d.matches.length).toBeGreaterThanOrEqual(3);
    const r = (status: 'confirmed' | 'refuted') => [{ check: 'probe-served-chain' as const, status, message: '', target: null, findings: [] }];
    const merged = withLiveResults(d, [r('refuted'), undefined, r('confirmed')]);
    expect(merged.matches.map((m) => m.playbook)).toEqual([d.matches[2], d.matches[1], ...d.matches.slice(3), d.matches[0]].map((m) => m?.playbook));
    expect(merged.matches[0]?.live?.[0]?.status).toBe('confirmed');
    expect('live' in (merged.matches[1] as object)).toBe(false);
  });
});
