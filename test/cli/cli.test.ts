// The built `tlsdoc` executable, run as a user runs it (npm test builds dist/ first).
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const run = (args: string[], input?: string | Buffer, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

const IP_SANS = 'Get "https://10.244.1.5:8443/metrics": x509: cannot validate certificate for 10.244.1.5 because it doesn\'t contain any IP SANs\n';

describe('tlsdoc diagnose', () => {
  test('--json prints exactly the documented shape and nothing else', () => {
    const r = run(['diagnose', '--json'], IP_SANS);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { matches: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['matches']);
    const best = out.matches[0] as Record<string, unknown>;
    expect(best).toMatchObject({ playbook: 'go-no-ip-sans', category: 'ip-san-missing', evidence: [{ line: 1, text: expect.stringContaining('IP SANs') }] });
    expect(best.confidence).toBeGreaterThan(0.9);
    expect(best.confidence).toBeLessThanOrEqual(1);
    expect(best.entities).toMatchObject({ ips: ['10.244.1.5'], ports: [8443], target: { host: null, ip: '10.244.1.5', port: 8443 } });
    expect(best.fixes).toEqual(expect.arrayContaining([expect.objectContaining({ title: expect.any(String), commands: expect.stringContaining('10.244.1.5') })]));
    expect(best.verify).toContain('openssl s_client -connect 10.244.1.5:8443');
    expect(typeof best.title).toBe('string');
    expect(typeof best.summary).toBe('string');
  });

  test('--format json equals --json; a file argument equals stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlsdoc-cli-'));
    writeFileSync(join(dir, 'paste.log'), IP_SANS);
    const a = run(['diagnose', '--format', 'json', join(dir, 'paste.log')]);
    const b = run(['diagnose', '--json', '-'], IP_SANS);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  test('no match: exit 0, says so and what it can look for', () => {
    const r = run(['diagnose'], 'dial tcp 10.0.0.1:5432: connect: connection refused\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No certificate or TLS problem recognised/);
    expect(r.stdout).toMatch(/tlsdoc recognises: host-name and IP SAN mismatches/);
    expect(JSON.parse(run(['diagnose', '--json'], 'OOMKilled\n').stdout)).toEqual({ matches: [] });
  });

  test('text output has the diagnosis, the fix with real names and the verify command; markdown fences commands', () => {
    const text = run(['diagnose'], IP_SANS).stdout;
    expect(text).toMatch(/^ip-san-missing confidence 0\.9\d · playbook go-no-ip-sans/m);
    expect(text).toContain('line 1:');
    expect(text).toContain('"ipAddresses":["10.244.1.5"]');
    expect(text).not.toContain('\x1b[');
    const md = run(['diagnose', '--format', 'markdown'], IP_SANS).stdout;
    expect(md).toMatch(/^## The client dialled an IP address/m);
    expect(md).toContain('```sh\nopenssl s_client -connect 10.244.1.5:8443');
  });

  test('colour only when forced or on a TTY', () => {
    expect(run(['diagnose'], IP_SANS, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain('\x1b[1m');
  });

  test('usage errors exit 2 with a message; missing files too', () => {
    const bad = run(['diagnose', '--format', 'xml'], '');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/argument 'xml' is invalid/);
    expect(run(['frobnicate']).status).toBe(2);
    expect(run(['playbooks', 'test', '--bogus']).status).toBe(2);
    const missing = run(['diagnose', '/nonexistent/paste.log']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  test('a paste over the limit is refused with a clear message (exit 2), from a file or a pipe', () => {
    const big = 'x509: certificate has expired\n'.repeat(100);
    const r = run(['diagnose'], big, { TLSDOC_MAX_INPUT_BYTES: '1000' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the paste is more than 1000 bytes, over the 1000 bytes limit/);
    expect(r.stdout).toBe('');
  });

  test('binary input does not crash', () => {
    const bytes = Buffer.concat([Buffer.from([0, 0xff, 0x1b, 0x5b, 0x00, 0x80, 0xc3]), Buffer.from(IP_SANS), Buffer.alloc(1000, 7)]);
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json'], { input: bytes, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { category: string }[] }).matches[0]?.category).toBe('ip-san-missing');
    expect(r.stderr).toMatch(/note: .*not valid UTF-8/);
  });

  test('--help everywhere, --version', () => {
    for (const args of [['--help'], ['diagnose', '--help'], ['playbooks', '--help'], ['playbooks', 'test', '--help']]) {
      const r = run(args);
      expect({ args, status: r.status }).toEqual({ args, status: 0 });
      expect(r.stdout).toMatch(/Usage: tlsdoc/);
    }
    expect(run(['--version']).stdout.trim()).toBe((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
  });
});

describe('tlsdoc playbooks', () => {
  test('list, show, schema, patterns', () => {
    const list = run(['playbooks', 'list', '--json']);
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((p) => p.id);
    expect(ids).toContain('go-no-ip-sans');
    expect(JSON.parse(run(['playbooks', 'show', 'go-no-ip-sans']).stdout)).toMatchObject({ id: 'go-no-ip-sans', category: 'ip-san-missing' });
    expect(run(['playbooks', 'show', 'nope']).status).toBe(2);
    const schema = JSON.parse(run(['playbooks', 'schema']).stdout) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'category', 'match', 'fixes', 'examples']));
    expect(schema.additionalProperties).toBe(false);
    const patterns = run(['playbooks', 'patterns']).stdout.trim().split('\n');
    expect(patterns.length).toBeGreaterThanOrEqual(ids.length * 2);
    expect(patterns.join('\n')).not.toMatch(/\(\?P?</);
  });

  test('lint and test: 0 when clean, 3 for lint problems with file:line, 4 for failing examples', () => {
    expect(run(['playbooks', 'lint']).status).toBe(0);
    expect(run(['playbooks', 'test']).stdout).toMatch(/^\d+ passed, 0 failed/);
    const dir = mkdtempSync(join(tmpdir(), 'tlsdoc-lint-'));
    const good = readFileSync(new URL('../../playbooks/go-no-ip-sans.yaml', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'go-no-ip-sans.yaml'), good.replace('title: The client', 'titel: x\ntitle: The client'));
    const lint = run(['--playbooks', dir, 'playbooks', 'lint']);
    expect(lint.status).toBe(3);
    expect(lint.stderr).toMatch(/go-no-ip-sans\.yaml:2:1: unknown key "titel"/);
    writeFileSync(join(dir, 'go-no-ip-sans.yaml'), good.replace('target: { ip: 10.244.1.5, port: 8443 }', 'target: { ip: 10.244.1.6, port: 8443 }'));
    const t = run(['--playbooks', dir, 'playbooks', 'test']);
    expect(t.status).toBe(4);
    expect(t.stderr).toContain('FAIL go-no-ip-sans / Prometheus target scrape error (Go)');
    expect(t.stderr).toContain('expected: entities.target.ip = "10.244.1.6"');
    expect(t.stdout).toMatch(/1 failed/);
  });
});

describe('npm start without Slack settings: the local shell', () => {
  test('reads a multi-line paste ended by an empty line, prints the diagnosis, and a second paste', () => {
    const input = `{"level":"warn","msg":"x"}\n${IP_SANS}\nsome unrelated line\n\n`;
    const r = spawnSync(process.execPath, [MAIN], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tlsdoc local shell/);
    expect(r.stdout).toMatch(/ip-san-missing confidence/);
    expect(r.stdout).toMatch(/No certificate or TLS problem recognised/);
  });
});
