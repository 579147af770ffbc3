// What a handshake's outcome means: a plaintext port, no common version or cipher, a
// client certificate missing or refused, an unknown SNI. Pure: it reads the observation
// the adapter made (error codes, alerts, what the server answered).
import { finding, type Finding } from '../certificate/finding.js';
import { hostPort } from './endpointAddress.js';
import type { HandshakeObservation, HandshakeOutcome, TlsVersion } from './port.js';

export interface HandshakeVerdict {
  status: HandshakeOutcome;
  /** The TLS alert the server sent, by name (`certificate_required`). */
  alert: string | null;
  /** One line on what happened, for people. */
  summary: string;
  findings: Finding[];
  /** The failure was about the client certificate (missing or refused). */
  clientCertificateProblem: 'required' | 'rejected' | null;
}

export interface EndpointName {
  host: string;
  port: number;
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
}

const ALERTS: Record<number, string> = {
  10: 'unexpected_message', 20: 'bad_record_mac', 40: 'handshake_failure', 42: 'bad_certificate', 43: 'unsupported_certificate',
  44: 'certificate_revoked', 45: 'certificate_expired', 46: 'certificate_unknown', 47: 'illegal_parameter', 48: 'unknown_ca',
  49: 'access_denied', 50: 'decode_error', 51: 'decrypt_error', 70: 'protocol_version', 71: 'insufficient_security',
  80: 'internal_error', 86: 'inappropriate_fallback', 109: 'missing_extension', 110: 'unsupported_extension',
  112: 'unrecognized_name', 116: 'certificate_required', 120: 'no_application_protocol',
};
const PLAINTEXT_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_HTTPS_PROXY_REQUEST']);
const VERSION_CODES = new Set(['ERR_SSL_UNSUPPORTED_PROTOCOL', 'ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'ERR_SSL_VERSION_TOO_LOW', 'ERR_SSL_UNSUPPORTED_SSL_VERSION', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION']);
const CIPHER_CODES = new Set(['ERR_SSL_NO_SHARED_CIPHER', 'ERR_SSL_NO_CIPHERS_AVAILABLE', 'ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM']);
/** The server hung up instead of sending an alert (Node servers refuse client certificates so). */
const HUNG_UP_CODES = new Set(['CLOSED_AFTER_HANDSHAKE', 'ECONNRESET', 'EPIPE']);
/** Alerts a server sends about the client's certificate. */
const CLIENT_CERTIFICATE_ALERTS = new Set([42, 43, 44, 45, 46, 48, 49, 51]);

function alertNumber(o: HandshakeObservation): number | null {
  const m = /alert number (\d{1,3})/.exec(o.error?.message ?? '');
  return m ? Number(m[1]) : null;
}

export function classifyHandshake(o: HandshakeObservation, at: EndpointName): HandshakeVerdict {
  const hp = hostPort(at.host, at.port);
  const number = alertNumber(o);
  const alert = number === null ? null : (ALERTS[number] ?? `alert ${number}`);
  const code = o.error?.code ?? '';
  const verdict = (summary: string, findings: Finding[] = [], clientCertificateProblem: HandshakeVerdict['clientCertificateProblem'] = null): HandshakeVerdict => ({ status: o.outcome, alert, summary, findings, clientCertificateProblem });
  const conn = (category: Finding['category'], message: string, fix: string | null = null) => finding(category, 'error', null, message, fix);
  const plaintextFix = `curl -sv http://${hp}/ -o /dev/null   # a plaintext server answers this\nopenssl s_client -connect ${hp} </dev/null   # "wrong version number" confirms it`;

  switch (o.outcome) {
    case 'connect-error':
      return verdict(`could not connect to ${hp}: ${o.error?.message ?? 'unknown error'}`);
    case 'timeout':
      return verdict(`no answer from ${hp} before the deadline (a firewall dropping packets, or a plaintext protocol waiting for the client to speak first)`);
    case 'closed':
      return verdict(`${hp} closed the connection without a TLS answer (a plaintext server, or a TLS server refusing this ClientHello, e.g. no route for its SNI)`);
    case 'not-tls':
      return verdict(`${hp} answered in plaintext: ${o.plaintextReply ?? ''}`, [
        conn('plaintext-tls-mismatch', `${hp} answered in plaintext ("${o.plaintextReply ?? ''}"), not with TLS; use http:// for this port, or dial the port that serves TLS.`, plaintextFix),
      ]);
    case 'established': {
      const findings: Finding[] = [];
      if (o.protocol === 'TLSv1' || o.protocol === 'TLSv1.1') {
        findings.push(finding('protocol-version-or-cipher', 'warning', null, `${hp} negotiated ${o.protocol}, which current clients refuse by default; enable TLS 1.2 or 1.3 on the server.`));
      }
      return verdict(`${o.protocol ?? 'TLS'}, ${o.cipher ?? 'unknown cipher'}${o.alpn ? `, ALPN ${o.alpn}` : ''}`, findings);
    }
  }
  // tls-error
  const hungUp = number === null && HUNG_UP_CODES.has(code);
  const said = alert ? `alert ${alert}` : hungUp ? 'it closed the connection' : code || 'TLS error';
  const aboutClientCertificate = number !== null && CLIENT_CERTIFICATE_ALERTS.has(number);
  if (PLAINTEXT_CODES.has(code)) {
    return verdict(`${hp} does not speak TLS (${code})`, [conn('plaintext-tls-mismatch', `${hp} did not answer with TLS (${code}); it speaks another protocol on this port: use its plaintext scheme, or dial the TLS port.`, plaintextFix)]);
  }
  if (VERSION_CODES.has(code) || number === 70) {
    const offered = `${at.minVersion ?? 'TLSv1.2'}–${at.maxVersion ?? 'TLSv1.3'}`;
    return verdict(`no TLS version in common (${said})`, [
      conn('protocol-version-or-cipher', `${hp} and this client have no TLS version in common (${said}; the client offered ${offered}); allow the server's version in the client (e.g. TLS 1.3) or enable ${at.maxVersion ?? 'TLSv1.2'} on the server.`, `openssl s_client -connect ${hp} -tls1_3 </dev/null\nopenssl s_client -connect ${hp} -tls1_2 </dev/null   # which one completes tells the server's versions`),
    ]);
  }
  if (number === 116 || (o.certificateRequested && !o.clientCertificateOffered && (number === 40 || aboutClientCertificate || hungUp))) {
    return verdict(
      `client certificate required (${said})`,
      [conn('client-cert-required', `${hp} requires a client certificate and none was sent (${said}); pass one issued by the CA the server trusts (tlsdoc --cert/--key; etcdctl --cert --key --cacert; curl --cert --key).`, `openssl s_client -connect ${hp} -cert client.crt -key client.key </dev/null`)],
      'required',
    );
  }
  if (o.clientCertificateOffered && (aboutClientCertificate || (o.certificateRequested && (hungUp || number === 40)))) {
    return verdict(
      `client certificate rejected (${said})`,
      [conn('client-cert-rejected', `${hp} rejected the client certificate (${said}); use one issued by the CA the server trusts for clients, valid now, with extendedKeyUsage clientAuth.`, 'openssl verify -CAfile server-client-ca.crt client.crt\nopenssl x509 -noout -subject -issuer -dates -ext extendedKeyUsage -in client.crt')],
      'rejected',
    );
  }
  if (number === 112) {
    return verdict(`unknown SNI (${said})`, [conn('sni-missing', `${hp} does not recognise the SNI ${o.sni ?? '(none sent)'} (${said}); send the name the server is configured for.`, `openssl s_client -connect ${hp} -servername <name the server serves> </dev/null`)]);
  }
  if (CIPHER_CODES.has(code) || number === 40 || number === 71) {
    return verdict(`no cipher suite in common (${said})`, [
      conn('protocol-version-or-cipher', `${hp} refused the handshake (${said}): no cipher suite, signature algorithm or curve in common; align the client's cipher list with the server's.`, `nmap --script ssl-enum-ciphers -p ${at.port} ${at.host}\nopenssl s_client -connect ${hp} -cipher 'DEFAULT:@SECLEVEL=1' </dev/null`),
    ]);
  }
  return verdict(`TLS failed: ${o.error?.message.split('\n')[0] ?? said}`);
}
