// The five founding scenarios (shared/seeds, design.md): each paste gets an answer that
// contains what the design's table says a good answer contains.
import { describe, expect, test } from '@jest/globals';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import type { Match } from '../../src/core/diagnosis/model.js';
import { bundledIndex } from '../support/library.js';

const index = bundledIndex();
const answerText = (m: Match) => [m.summary, m.diagnosis, ...m.fixes.map((f) => `${f.title}\n${f.commands}`), m.verify].join('\n');

describe('seed 000: APISIX → etcd over TLS, Prometheus plugin "certificate host mismatch"', () => {
  const paste = `2024/03/05 10:21:07 [error] 49#49: *1162 [lua] prometheus.lua:540: fetch_etcd_reachable(): failed to check etcd reachability: certificate host mismatch, client: 127.0.0.1, server: , request: "GET /apisix/prometheus/metrics HTTP/1.1", host: "127.0.0.1:9091"`;
  test('host-mismatch, every etcd node name into the CSR hosts, and deployment.etcd.tls.sni', () => {
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('host-mismatch');
    const text = answerText(best as Match);
    expect(text).toMatch(/"hosts"/);
    expect(text).toMatch(/deployment:[\s\S]*etcd:[\s\S]*tls:[\s\S]*sni:/);
    expect(text).toMatch(/etcd/i);
  });
});

describe('seed 001: kubebuilder HTTPS metrics, Prometheus scrapes the pod IP', () => {
  const paste = 'Get "https://10.244.0.12:8443/metrics": x509: cannot validate certificate for 10.244.0.12 because it doesn\'t contain any IP SANs';
  test('ip-san-missing, tlsConfig.serverName <svc>.<ns>.svc keeping path/scheme, or IP SANs', () => {
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('ip-san-missing');
    expect(best?.entities.target).toEqual({ host: null, ip: '10.244.0.12', port: 8443 });
    const text = answerText(best as Match);
    expect(text).toMatch(/serverName/);
    expect(text).toContain('<service>.<namespace>.svc');
    expect(text).toMatch(/path/);
    expect(text).toMatch(/scheme/);
    expect(text).toMatch(/IP:10\.244\.0\.12|ipAddresses/);
  });
  test('with the Service named in the paste, the serverName is filled in', () => {
    const [best] = diagnose(index, `${paste}\nservice: operator-controller-manager-metrics-service.default.svc`).matches;
    expect(answerText(best as Match)).toContain('serverName: operator-controller-manager-metrics-service.default.svc');
  });
});

describe('seed 002: Istio STRICT mTLS, Grafana → prom-label-proxy → Prometheus', () => {
  const paste = `upstream connect error or disconnect/reset before headers. reset reason: connection termination
{"authority":"prom-label-proxy.monitoring.svc.cluster.local:8080","response_code":0,"response_code_details":"filter_chain_not_found","response_flags":"NR","upstream_cluster":null,"upstream_host":null}
{"authority":"prom-label-proxy.monitoring.svc.cluster.local:8080","response_code":503,"response_flags":"UC","upstream_cluster":"PassthroughCluster","upstream_host":"10.96.12.34:9090"}`;
  test('mesh-mtls-routing: the forwarded Host header; fix the proxy, or (weaker) mark the Service as TCP', () => {
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('mesh-mtls-routing');
    const text = answerText(best as Match);
    expect(text).toMatch(/host header/i);
    expect(text).toMatch(/tcp/i);
    expect(text).toMatch(/istioctl/);
  });
});

describe('seed 003: Kong + cert-manager, renewed Secret, old certificate still served', () => {
  const paste = `$ kubectl -n kong get certificate kong-certificate
NAME               READY   SECRET             AGE
kong-certificate   True    kong-cert-secret   400d
$ kubectl -n kong describe certificate kong-certificate
Events:
  Normal  Issuing  3d  cert-manager-certificates-issuing  The certificate has been successfully issued
$ curl -v https://api.example.com
* SSL certificate problem: certificate has expired
curl: (60) SSL certificate problem: certificate has expired
Kong is still serving the old certificate after renewal`;
  test('stale-served-cert: compare Secret and endpoint, reload/restart Kong, db_update_frequency, secretName', () => {
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('stale-served-cert');
    const text = answerText(best as Match);
    expect(text).toMatch(/fingerprint/);
    expect(text).toMatch(/rollout restart/);
    expect(text).toMatch(/db_update_frequency/);
    expect(text).toMatch(/secretName/);
    expect(text).toContain('kong-cert-secret');
  });
});

describe('seed 004: self-signed etcd cluster with cfssl for kube-apiserver', () => {
  const sanPaste = `{"level":"warn","ts":"2021-08-19T11:54:17.782Z","caller":"embed/config_logging.go:270","msg":"rejected connection","remote-addr":"9.165.3.4:40180","server-name":"etcd2-0.etcd","ip-addresses":["0.0.0.0","127.0.0.1"],"dns-names":["etcd0-0.etcd","etcd1-0.etcd","etcd2-0.etcd"],"error":"tls: \\"9.165.3.4\\" does not match any of DNSNames [\\"etcd0-0.etcd\\" \\"etcd1-0.etcd\\" \\"etcd2-0.etcd\\"] (lookup etcd1-0.etcd on 9.165.0.10:53: no such host)"}`;
  test('the missing SAN: a cfssl CSR whose hosts keep the names the certificate had and add the missing one', () => {
    const [best] = diagnose(index, sanPaste).matches;
    expect(best?.category).toBe('host-mismatch');
    const text = answerText(best as Match);
    expect(text).toMatch(/cfssl gencert/);
    expect(text).toMatch(/"hosts"/);
    for (const name of ['etcd0-0.etcd', 'etcd1-0.etcd', 'etcd2-0.etcd', '127.0.0.1']) expect(text).toContain(`"${name}"`);
    expect(text).toMatch(/\*\.etcd|\*\.<service>|\*\.\w/); // the wildcard hosts rule
    expect(text).toMatch(/--cacert[\s\S]*--cert[\s\S]*--key/);
  });

  test('http↔https switch: the protocol is stored in the cluster; snapshot and restore', () => {
    const paste = '{"level":"warn","ts":"2021-08-19T11:55:07.755Z","caller":"embed/config_logging.go:279","msg":"rejected connection","remote-addr":"127.0.0.1:41226","server-name":"","error":"tls: first record does not look like a TLS handshake"}';
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('plaintext-tls-mismatch');
    const text = answerText(best as Match);
    expect(text).toMatch(/snapshot save/);
    expect(text).toMatch(/snapshot restore/);
    expect(text).toMatch(/member list/);
  });

  test('etcdctl without client certificates: the flags', () => {
    const paste = `{"level":"warn","ts":"2021-08-19T12:32:11.200Z","caller":"clientv3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"endpoint://client-05ed1825-e70f-492a-af94-03c633d0affc/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: all SubConns are in TransientFailure, latest connection error: connection closed"}
Error: context deadline exceeded`;
    const [best] = diagnose(index, paste).matches;
    expect(best?.category).toBe('client-cert-required');
    expect(best?.entities.target).toEqual({ host: null, ip: '127.0.0.1', port: 2379 });
    expect(answerText(best as Match)).toMatch(/etcdctl[\s\S]*--cacert=\S+[\s\S]*--cert=\S+[\s\S]*--key=\S+/);
  });

  test('all three in one paste give three distinct matches', () => {
    const paste = `${sanPaste}\n{"level":"warn","msg":"rejected connection","remote-addr":"127.0.0.1:41226","server-name":"","error":"tls: first record does not look like a TLS handshake"}\n{"level":"warn","caller":"clientv3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"endpoint://client-1/127.0.0.1:2379","error":"rpc error: code = DeadlineExceeded desc = latest balancer error: all SubConns are in TransientFailure, latest connection error: connection closed"}\nError: context deadline exceeded`;
    const categories = diagnose(index, paste).matches.map((m) => m.category);
    expect(categories).toEqual(expect.arrayContaining(['host-mismatch', 'plaintext-tls-mismatch', 'client-cert-required']));
  });
});
