// Registry meta-tests: the library as a whole covers the taxonomy, and every pattern is
// usable by both engines it is promised to (RE2 here, grep -E for the benchmark).
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_KINDS } from '../../src/core/playbook/checkKinds.js';
import { toExtendedRegex } from '../../src/core/regex/gate.js';
import { CATEGORIES } from '../../src/core/taxonomy.js';
import { bundledIndex } from '../support/library.js';

const playbooks = bundledIndex().playbooks;

describe('the playbook library', () => {
  test('covers every taxonomy category except none, with at least 30 playbooks', () => {
    expect(playbooks.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(playbooks.map((p) => p.playbook.category));
    expect(CATEGORIES.filter((c) => !covered.has(c))).toEqual([]);
  });

  test('every playbook has several wordings and at least 2 positive and 1 negative examples', () => {
    const thin = playbooks.filter((p) => p.match.length < 2 || p.playbook.examples.filter((e) => e.match).length < 2 || !p.playbook.examples.some((e) => !e.match));
    expect(thin.map((p) => p.playbook.id)).toEqual([]);
  });

  test('every live check a playbook asks for is a known check kind', () => {
    for (const p of playbooks) for (const c of p.playbook.checks) expect(CHECK_KINDS).toContain(c);
  });

  test('fix commands name the tools people use', () => {
    const all = playbooks.flatMap((p) => p.playbook.fixes.map((f) => f.commands)).join('\n');
    for (const tool of ['openssl', 'cfssl', 'kubectl', 'etcdctl', 'istioctl', 'cmctl', 'serverName', 'proxy_ssl', 'db_update_frequency', 'sni:']) expect(all).toContain(tool);
  });

  test('every pattern exports to an ERE that GNU grep accepts and that still matches its own examples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlsdoc-ere-'));
    for (const p of playbooks) {
      const logs = p.playbook.examples.filter((e) => e.match).map((e) => e.log).join('\n');
      const logFile = join(dir, `${p.playbook.id}.log`);
      writeFileSync(logFile, logs);
      const patternFile = join(dir, `${p.playbook.id}.pat`);
      writeFileSync(patternFile, p.match.map((m) => toExtendedRegex(m.source)).join('\n') + '\n');
      const run = spawnSync('grep', ['-E', '-i', '-c', '-f', patternFile, logFile], { encoding: 'utf8' });
      expect({ id: p.playbook.id, stderr: run.stderr }).toEqual({ id: p.playbook.id, stderr: '' });
      expect({ id: p.playbook.id, matched: Number(run.stdout.trim()) > 0 }).toEqual({ id: p.playbook.id, matched: true });
    }
  });
});
