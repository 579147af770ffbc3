// Ranking: ties between categories that share a message, several problems in one paste,
// and nothing at all for unrelated failures.
import { describe, expect, test } from '@jest/globals';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { bundledIndex } from '../support/library.js';

const index = bundledIndex();

describe('ranking', () => {
  test('unknown-ca vs incomplete-chain on a shared message is a tie, with the live check that decides', () => {
    const d = diagnose(index, 'curl: (60) SSL certificate problem: unable to get local issuer certificate');
    const [best] = d.matches;
    const pair = [best?.category, best?.ties[0]?.category].sort();
    expect(pair).toEqual(['incomplete-chain', 'unknown-ca']);
    expect(best?.ties[0]?.check).toBe('probe-served-chain');
    expect(best?.ties[0]?.how).toMatch(/chain/);
  });

  test('a message only one category prints is no tie', () => {
    const [best] = diagnose(index, 'x509: certificate signed by unknown authority').matches;
    expect(best?.category).toBe('unknown-ca');
    expect(best?.ties).toEqual([]);
  });

  test('distinct problems in one paste give distinct matches, each with its own evidence and target', () => {
    const d = diagnose(
      index,
      [
        'Get "https://10.0.0.5:8443/metrics": x509: cannot validate certificate for 10.0.0.5 because it doesn\'t contain any IP SANs',
        'some noise',
        'Post "https://api.example.com/v1": x509: certificate has expired or is not yet valid: current time 2026-11-21T10:00:00Z is after 2026-11-01T00:00:00Z',
      ].join('\n'),
    );
    const byCategory = Object.fromEntries(d.matches.map((m) => [m.category, m]));
    expect(byCategory['ip-san-missing']?.entities.target).toEqual({ host: null, ip: '10.0.0.5', port: 8443 });
    expect(byCategory['ip-san-missing']?.evidence.map((e) => e.line)).toEqual([1]);
    expect(byCategory.expired?.entities.target).toEqual({ host: 'api.example.com', ip: null, port: 443 });
    expect(byCategory.expired?.evidence.map((e) => e.line)).toEqual([3]);
  });

  test.each([
    ['dial tcp 10.0.0.7:5432: connect: connection refused'],
    ['dial tcp: lookup etcd0-0.etcd on 10.96.0.10:53: no such host'],
    ['Last State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137'],
    ['Error: context deadline exceeded'],
    ['Warning  BackOff  2m  kubelet  Back-off restarting failed container'],
    ['{"level":"info","msg":"serving client traffic securely","address":"[::]:2379"}'],
    ['Verify return code: 0 (ok)'],
  ])('no match for an unrelated or healthy log: %s', (paste) => {
    expect(diagnose(index, paste).matches).toEqual([]);
  });
});
