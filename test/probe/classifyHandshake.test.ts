// Handshake outcomes → categories, with plain observations (no sockets).
import { describe, expect, test } from '@jest/globals';
import { classifyHandshake } from '../../src/core/probe/classifyHandshake.js';
import { observation } from '../support/fakeEndpointProbe.js';

const at = { host: '10.0.0.5', port: 2379 };
const tlsError = (code: string, alert?: number, over = {}) => observation({ outcome: 'tls-error', error: { code, message: `ssl3_read_bytes:some alert${alert !== undefined ? `:SSL alert number ${alert}` : ''}` }, ...over });
const categoryOf = (o: ReturnType<typeof observation>, where = at) => classifyHandshake(o, where).findings.map((f) => f.category);

describe('classifyHandshake', () => {
  test('plaintext answers and OpenSSL record errors are plaintext-tls-mismatch', () => {
    const v = classifyHandshake(observation({ outcome: 'not-tls', plaintextReply: 'HTTP/1.0 400 Bad Request' }), at);
    expect(v.findings[0]?.message).toBe('10.0.0.5:2379 answered in plaintext ("HTTP/1.0 400 Bad Request"), not with TLS; use http:// for this port, or dial the port that serves TLS.');
    expect(categoryOf(tlsError('ERR_SSL_WRONG_VERSION_NUMBER'))).toEqual(['plaintext-tls-mismatch']);
    expect(categoryOf(tlsError('ERR_SSL_PACKET_LENGTH_TOO_LONG'))).toEqual(['plaintext-tls-mismatch']);
  });

  test('no common version; no common cipher', () => {
    const v = classifyHandshake(tlsError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 70), { ...at, maxVersion: 'TLSv1.2' });
    expect(v).toMatchObject({ alert: 'protocol_version', summary: 'no TLS version in common (alert protocol_version)' });
    expect(v.findings[0]?.message).toContain('the client offered TLSv1.2–TLSv1.2');
    expect(categoryOf(tlsError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 40))).toEqual(['protocol-version-or-cipher']);
    expect(categoryOf(tlsError('ERR_SSL_NO_SHARED_CIPHER'))).toEqual(['protocol-version-or-cipher']);
  });

  test('client certificates: required when none was offered, rejected when one was', () => {
    expect(classifyHandshake(tlsError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 116), at)).toMatchObject({ clientCertificateProblem: 'required', alert: 'certificate_required' });
    expect(categoryOf(tlsError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 40, { certificateRequested: true }))).toEqual(['client-cert-required']);
    expect(categoryOf(tlsError('ECONNRESET', undefined, { certificateRequested: true }))).toEqual(['client-cert-required']);
    expect(categoryOf(tlsError('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 48, { certificateRequested: true, clientCertificateOffered: true }))).toEqual(['client-cert-rejected']);
    expect(categoryOf(tlsError('CLOSED_AFTER_HANDSHAKE', undefined, { certificateRequested: true, clientCertificateOffered: true }))).toEqual(['client-cert-rejected']);
  });

  test('unknown SNI; old protocol versions; unreachable is not a category', () => {
    expect(categoryOf(tlsError('ERR_SSL_TLSV1_UNRECOGNIZED_NAME', 112))).toEqual(['sni-missing']);
    expect(classifyHandshake(observation({ protocol: 'TLSv1.1' }), at).findings[0]).toMatchObject({ category: 'protocol-version-or-cipher', severity: 'warning' });
    expect(classifyHandshake(observation({ outcome: 'connect-error', error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:2379' } }), at)).toMatchObject({ findings: [], summary: 'could not connect to 10.0.0.5:2379: connect ECONNREFUSED 10.0.0.5:2379' });
    expect(classifyHandshake(observation(), { host: '::1', port: 443 }).summary).toBe('TLSv1.3, TLS_AES_128_GCM_SHA256');
    expect(classifyHandshake(observation({ outcome: 'not-tls', plaintextReply: 'x' }), { host: '::1', port: 443 }).findings[0]?.message).toMatch(/^\[::1\]:443 answered/);
  });
});
