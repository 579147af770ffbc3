import { describe, expect, test } from '@jest/globals';
import { canonicalIP, isIPv6, looksLikeDnsName } from '../../src/core/entities/addresses.js';
import { extractEntities } from '../../src/core/entities/extract.js';
import { targetInLine } from '../../src/core/entities/target.js';
import { normalisePaste } from '../../src/core/normalise/normalise.js';

const entitiesOf = (paste: string) => extractEntities(normalisePaste(paste).text);

describe('addresses', () => {
  test('IPv6 validation and canonical form', () => {
    expect(isIPv6('2001:db8::1')).toBe(true);
    expect(isIPv6('::ffff:10.0.0.1')).toBe(true);
    expect(isIPv6('10:00:00')).toBe(false);
    expect(isIPv6('aa:bb:cc:dd:ee:ff')).toBe(false);
    expect(canonicalIP('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
  });

  test('DNS names versus look-alikes', () => {
    for (const yes of ['etcd0-0.etcd', 'kong.example.com', 'prometheus.monitoring.svc.cluster.local', 'api.xn--p1ai']) expect(looksLikeDnsName(yes)).toBe(true);
    for (const no of ['config_logging.go', 'serve.go', 'ca.pem', 'javax.net.ssl.SSLHandshakeException', 'x509.Certificate', '3.4.13', 'tls.crt', 'sun.security.validator.ValidatorException']) expect(looksLikeDnsName(no)).toBe(false);
  });
});

describe('extractEntities', () => {
  test("Go's `valid for a, b, not c` list and the target", () => {
    const e = entitiesOf('Get "https://etcd2-0.etcd:2379/health": x509: certificate is valid for etcd0-0.etcd, etcd1-0.etcd, 127.0.0.1, not etcd2-0.etcd');
    expect(e.cert_dns_names).toEqual(['etcd0-0.etcd', 'etcd1-0.etcd']);
    expect(e.cert_ips).toEqual(['127.0.0.1']);
    expect(e.hosts).toContain('etcd2-0.etcd');
    expect(e.ports).toEqual([2379]);
    expect(e.software).toContain('go');
  });

  test("etcd's dns-names / ip-addresses fields and server-name as SNI", () => {
    const e = entitiesOf('{"level":"warn","msg":"rejected connection","remote-addr":"9.165.3.4:40180","server-name":"etcd2-0.etcd","ip-addresses":["0.0.0.0","127.0.0.1"],"dns-names":["etcd0-0.etcd","etcd1-0.etcd","etcd2-0.etcd"],"error":"tls: \\"9.165.3.4\\" does not match any of DNSNames [\\"etcd0-0.etcd\\" \\"etcd1-0.etcd\\" \\"etcd2-0.etcd\\"]"}');
    expect(e.cert_dns_names).toEqual(['etcd0-0.etcd', 'etcd1-0.etcd', 'etcd2-0.etcd']);
    expect(e.cert_ips).toEqual(['0.0.0.0', '127.0.0.1']);
    expect(e.sni).toEqual(['etcd2-0.etcd']);
    expect(e.ips).toContain('9.165.3.4');
    expect(e.software).toContain('etcd');
  });

  test("Node's altnames list", () => {
    const e = entitiesOf("Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: api.example.org. is not in the cert's altnames: DNS:*.example.com, DNS:example.com, IP Address:10.0.0.1");
    expect(e.cert_dns_names).toEqual(['*.example.com', 'example.com']);
    expect(e.cert_ips).toEqual(['10.0.0.1']);
    expect(e.hosts).toContain('api.example.org');
    expect(e.software).toContain('node');
  });

  test('Kubernetes names: service DNS, namespaces, secrets, certificates, describe output', () => {
    const e = entitiesOf(`Name:         kong-certificate
Namespace:    kong
Kind:         Certificate
Spec:
  Secret Name:  kong-cert-secret
Events:
  Warning  Failed  2m  cert-manager-certificates-issuing  The certificate request has failed; see prometheus-operated.monitoring.svc.cluster.local:9090`);
    expect(e.certificates).toEqual(['kong-certificate']);
    expect(e.namespaces).toEqual(expect.arrayContaining(['kong', 'monitoring']));
    expect(e.secrets).toEqual(['kong-cert-secret']);
    expect(e.services).toEqual(['prometheus-operated']);
    expect(e.ports).toEqual([9090]);
  });

  test('IPv6 in brackets with a port, and URLs', () => {
    const e = entitiesOf('dial tcp [2001:db8::10]:6443: tls: handshake failure; see https://[2001:db8::10]:6443/healthz');
    expect(e.ips).toEqual(['2001:db8::10']);
    expect(e.ports).toEqual([6443]);
    expect(e.urls).toEqual(['https://[2001:db8::10]:6443/healthz']);
  });

  test('file names, Java classes, Go sources and timestamps are not hosts', () => {
    const e = entitiesOf('2021-08-19T11:55:07.755Z caller=embed/config_logging.go:279 javax.net.ssl.SSLHandshakeException at sun.security.ssl.Alert.createSSLException(Alert.java:131) file=/etc/etcd/ssl/ca.pem version=3.4.13 cert-manager.io/v1');
    expect(e.hosts).toEqual([]);
    expect(e.ips).toEqual([]);
  });

  test('the software that printed the paste', () => {
    expect(entitiesOf('curl: (60) SSL certificate problem: unable to get local issuer certificate').software).toEqual(['curl']);
    expect(entitiesOf('2024/05/01 10:00:00 [error] 31#31: *5 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream').software).toEqual(expect.arrayContaining(['nginx', 'openssl']));
    expect(entitiesOf('javax.net.ssl.SSLHandshakeException: PKIX path building failed').software).toEqual(['java']);
    expect(entitiesOf("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)").software).toEqual(['python']);
  });
});

describe('targetInLine', () => {
  test.each([
    ['Get "https://10.244.1.5:8443/metrics": x509: …', { ip: '10.244.1.5', port: 8443 }],
    ['dial tcp 10.96.0.1:443: i/o timeout', { ip: '10.96.0.1', port: 443 }],
    ["HTTPSConnectionPool(host='api.example.com', port=8443): Max retries exceeded", { host: 'api.example.com', port: 8443 }],
    ['* Connected to kong.example.com (10.1.2.3) port 443 (#0)', { host: 'kong.example.com', ip: '10.1.2.3', port: 443 }],
    ['2024/05/01 [error] upstream SSL certificate verify error while SSL handshaking to upstream, client: 10.9.8.7, upstream: "https://10.0.0.5:443/api"', { ip: '10.0.0.5', port: 443 }],
    ['retrying of unary invoker failed target="endpoint://client-05ed1825/127.0.0.1:2379"', { ip: '127.0.0.1', port: 2379 }],
    ['rejected connection remote-addr="9.165.3.4:40180" server-name="etcd2-0.etcd" error="tls: bad"', { host: 'etcd2-0.etcd' }],
    ['http: TLS handshake error from 10.0.0.9:51234: remote error: tls: bad certificate', undefined],
  ])('%s', (line, expected) => {
    const t = targetInLine(line);
    if (expected === undefined) expect(t).toBeUndefined();
    else expect(t).toMatchObject(expected);
  });
});

describe('extractEntities: cert-manager wordings', () => {
  test('`secret: secret "x" not found` and klog "resource_namespace"="apps"', () => {
    const e = entitiesOf('E0101 10:00:00.000000 1 controller.go:1] "msg"="Error presenting challenge: error getting cloudflare secret: secret \\"cloudflare-api-token\\" not found" "resource_namespace"="apps" "resource_kind"="Certificate" "resource_name"="shop-tls"');
    expect(e.secrets).toEqual(['cloudflare-api-token']);
    expect(e.namespaces).toEqual(['apps']);
    expect(e.certificates).toEqual(['shop-tls']);
  });

  test('kubectl get tables: NAME by the kind asked for, SECRET and NAMESPACE columns', () => {
    const e = entitiesOf(`$ kubectl get certificate -A
NAMESPACE   NAME      READY   SECRET    AGE
shop        api-tls   False   api-tls-secret   3h`);
    expect(e.certificates).toEqual(['api-tls']);
    expect(e.secrets).toEqual(['api-tls-secret']);
    expect(e.namespaces).toEqual(['shop']);
  });
});
