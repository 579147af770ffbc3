import { describe, expect, test } from '@jest/globals';
import { TlsdocError } from '../../src/core/errors.js';
import { normalisePaste } from '../../src/core/normalise/normalise.js';

const texts = (input: string | Uint8Array) => normalisePaste(input).lines.map((l) => l.text);

describe('normalisePaste', () => {
  test('undoes Slack mrkdwn: code fences, inline code, links, entities', () => {
    const slack = '```\nGet &quot;<https://etcd0-0.etcd:2379/health|https://etcd0-0.etcd:2379/health>&quot;: x509: cert &lt;bad&gt; &amp; more\n```\nsee `kubectl -n etcd get secret` and <http://kong.example.com> <@U123ABC> <#C024BE7LR|ops>';
    expect(texts(slack)).toEqual([
      '',
      'Get "https://etcd0-0.etcd:2379/health": x509: cert <bad> & more',
      '',
      'see kubectl -n etcd get secret and http://kong.example.com @U123ABC #ops',
    ]);
  });

  test('a Slack auto-link keeps what the user typed', () => {
    expect(texts('not <http://etcd2-0.etcd|etcd2-0.etcd>')).toEqual(['not etcd2-0.etcd']);
  });

  test('strips ANSI colours and unifies CRLF and CR line ends', () => {
    expect(texts('\x1b[31mERROR\x1b[0m tls: bad certificate\r\nnext\rlast')).toEqual(['ERROR tls: bad certificate', 'next', 'last']);
  });

  test('flattens etcd/zap JSON lines: message first, fields in order', () => {
    const line = '{"level":"warn","ts":"2021-08-19T11:55:07.755Z","caller":"embed/config_logging.go:279","msg":"rejected connection","remote-addr":"127.0.0.1:41226","server-name":"","error":"tls: first record does not look like a TLS handshake"}';
    expect(texts(line)).toEqual([
      'rejected connection level="warn" ts="2021-08-19T11:55:07.755Z" caller="embed/config_logging.go:279" remote-addr="127.0.0.1:41226" server-name="" error="tls: first record does not look like a TLS handshake"',
    ]);
  });

  test('JSON arrays stay readable and escaped quotes are unescaped by the parser', () => {
    const line = '{"msg":"rejected connection","dns-names":["etcd0-0.etcd","etcd1-0.etcd"],"error":"tls: \\"9.165.1.2\\" does not match any of DNSNames [\\"etcd0-0.etcd\\"]"}';
    expect(texts(line)).toEqual(['rejected connection dns-names=["etcd0-0.etcd","etcd1-0.etcd"] error="tls: "9.165.1.2" does not match any of DNSNames ["etcd0-0.etcd"]"']);
  });

  test('Envoy access logs without a message, Docker json-file logs, prefixed JSON', () => {
    expect(texts('{"response_code_details":"filter_chain_not_found","response_flags":"NR","upstream_cluster":"PassthroughCluster"}')).toEqual([
      'response_code_details="filter_chain_not_found" response_flags="NR" upstream_cluster="PassthroughCluster"',
    ]);
    expect(texts('{"log":"x509: certificate signed by unknown authority\\n","stream":"stderr"}')).toEqual(['x509: certificate signed by unknown authority stream="stderr"']);
    expect(texts('[pod/etcd0-0/etcd] {"msg":"rejected connection","error":"tls: bad"}')).toEqual(['[pod/etcd0-0/etcd] rejected connection error="tls: bad"']);
  });

  test('escaped newlines inside a JSON message become lines with the same line number', () => {
    const n = normalisePaste('first\n{"message":"javax.net.ssl.SSLHandshakeException: PKIX path building failed\\n\\tat sun.security.ssl.Alert"}');
    expect(n.lines).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed' },
      { line: 2, text: '\tat sun.security.ssl.Alert' },
    ]);
  });

  test('logfmt/klog escaped quotes are unescaped', () => {
    expect(texts('E1121 10:00:00.000000 1 scrape.go:1] err="Get \\"https://10.0.0.1:8443/metrics\\": x509: bad"')).toEqual([
      'E1121 10:00:00.000000 1 scrape.go:1] err="Get "https://10.0.0.1:8443/metrics": x509: bad"',
    ]);
  });

  test('malformed JSON is kept as text, never thrown', () => {
    expect(texts('{"msg":"tls: bad certificate", "unterminated}')).toEqual(['{"msg":"tls: bad certificate", "unterminated}']);
  });

  test('binary input: control bytes dropped with a note, invalid UTF-8 replaced with a note', () => {
    const bytes = Buffer.concat([Buffer.from('x509: certificate has expired\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]), Buffer.from('\nok')]);
    const n = normalisePaste(bytes);
    expect(n.lines[0]?.text).toBe('x509: certificate has expired');
    expect(n.notes.join(' ')).toMatch(/not valid UTF-8/);
    expect(n.notes.join(' ')).toMatch(/3 binary\/control bytes ignored/);
  });

  test('a paste over the limit is refused with a clear, coded error', () => {
    expect(() => normalisePaste('x'.repeat(2048), { maxBytes: 1024 })).toThrow(TlsdocError);
    try {
      normalisePaste('x'.repeat(2048), { maxBytes: 1024 });
    } catch (e) {
      expect((e as TlsdocError).code).toBe('INPUT_TOO_LARGE');
      expect((e as Error).message).toMatch(/2\.0 KiB, over the 1\.0 KiB limit/);
    }
  });

  test('very long lines pass through whole', () => {
    const long = 'a'.repeat(200_000) + ' x509: certificate has expired';
    expect(texts(long)[0]).toHaveLength(long.length);
  });
});
