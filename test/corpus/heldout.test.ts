// Held-out evaluation corpus (test/corpus/heldout.yaml): a second, independent set of real
// pastes copied from public GitHub issue threads (URL above each case), labelled with the
// root-cause category of shared/taxonomy.md (or `none`) and the address the failing client
// dialled. Written without looking at the playbooks, the matcher or cases.yaml, so it
// measures how well the diagnosis generalises beyond the material it was developed on:
//   (a) category accuracy of the best match on certificate/TLS failures,
//   (b) silence (no match at all) on unrelated failures,
//   (c) target extraction: the dialled host or IP appears in the best match's entities.
// Every miss is printed with the wording involved; the thresholds are the bar, not a target
// to tune the cases to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { loadPatternIndex } from '../../src/playbookFiles/loadPlaybooks.js';

const CATEGORIES = [
  'host-mismatch',
  'ip-san-missing',
  'legacy-cn-only',
  'expired',
  'not-yet-valid',
  'unknown-ca',
  'incomplete-chain',
  'client-cert-required',
  'client-cert-rejected',
  'bad-key-usage',
  'key-mismatch',
  'plaintext-tls-mismatch',
  'protocol-version-or-cipher',
  'stale-served-cert',
  'mesh-mtls-routing',
  'issuance-failure',
  'ingress-default-cert',
  'sni-missing',
  'none',
] as const;

const BAR = { category: 0.85, none: 0.9, target: 0.85 };

interface Target {
  host?: string;
  ip?: string;
  port?: number;
}

interface Case {
  id: string;
  source: string;
  category: string;
  target?: Target;
  log: string;
}

// The slice of a Match this test reads; kept local so the corpus stays independent of the
// model's other fields (shape as documented for `diagnose --json` in the README).
interface MatchLike {
  playbook?: string;
  category?: string;
  evidence?: readonly { line?: number; text?: string }[];
  entities?: {
    hosts?: readonly string[];
    ips?: readonly string[];
    target?: { host?: string | null; ip?: string | null; port?: number | null } | null;
  };
}

interface Outcome {
  c: Case;
  best: MatchLike | undefined;
  got: string; // best match category, or '(no match)'
  categoryOk: boolean;
  targetOk: boolean | undefined; // undefined: not scored (none case or no target)
}

const here = dirname(fileURLToPath(import.meta.url));
const cases = parse(readFileSync(join(here, 'heldout.yaml'), 'utf8')) as Case[];

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

function targetFound(t: Target, m: MatchLike | undefined): boolean {
  if (!m?.entities) return false;
  const e = m.entities;
  const hosts = new Set([...(e.hosts ?? []), e.target?.host ?? ''].map(norm).filter(Boolean));
  const ips = new Set([...(e.ips ?? []), e.target?.ip ?? ''].map(norm).filter(Boolean));
  const all = new Set([...hosts, ...ips]);
  if (t.host !== undefined && (hosts.has(norm(t.host)) || all.has(norm(t.host)))) return true;
  if (t.ip !== undefined && (ips.has(norm(t.ip)) || all.has(norm(t.ip)))) return true;
  return false;
}

const clip = (s: string, n = 150): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

// The wording behind a verdict: the best match's first evidence line, or (no match) the
// first line of the paste that mentions an error-ish word, else its first non-empty line.
function wording(o: Outcome): string {
  const ev = o.best?.evidence?.[0]?.text;
  if (ev) return clip(ev);
  const lines = o.c.log.split('\n').filter((l) => l.trim() !== '');
  const errorish = lines.find((l) => /error|fail|refused|unknown|invalid|x509|tls|ssl|certificate|alert/i.test(l));
  return clip(errorish ?? lines[0] ?? '');
}

function summarise(m: MatchLike | undefined): string {
  if (!m?.entities) return '-';
  const e = m.entities;
  const t = e.target ? `${e.target.host ?? ''}|${e.target.ip ?? ''}|${e.target.port ?? ''}` : '';
  return `target=${t} hosts=[${(e.hosts ?? []).join(',')}] ips=[${(e.ips ?? []).join(',')}]`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (ok: number, n: number) => (n === 0 ? 1 : ok / n);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

describe('held-out evaluation corpus (test/corpus/heldout.yaml)', () => {
  const outcomes: Outcome[] = [];
  let scores = { category: 0, none: 0, target: 0 };

  beforeAll(() => {
    const index = loadPatternIndex();
    for (const c of cases) {
      const d = diagnose(index, c.log);
      const best = (d.matches as unknown as MatchLike[])[0];
      const got = best?.category ?? '(no match)';
      const isNone = c.category === 'none';
      outcomes.push({
        c,
        best,
        got,
        categoryOk: isNone ? best === undefined : got === c.category,
        targetOk: !isNone && c.target ? targetFound(c.target, best) : undefined,
      });
    }

    const tls = outcomes.filter((o) => o.c.category !== 'none');
    const none = outcomes.filter((o) => o.c.category === 'none');
    const withTarget = outcomes.filter((o) => o.targetOk !== undefined);
    scores = {
      category: ratio(tls.filter((o) => o.categoryOk).length, tls.length),
      none: ratio(none.filter((o) => o.categoryOk).length, none.length),
      target: ratio(withTarget.filter((o) => o.targetOk).length, withTarget.length),
    };

    const perCat = CATEGORIES.map((cat) => {
      const os = outcomes.filter((o) => o.c.category === cat);
      const t = os.filter((o) => o.targetOk !== undefined);
      return [
        cat,
        String(os.length),
        String(os.filter((o) => o.categoryOk).length),
        t.length ? `${t.filter((o) => o.targetOk).length}/${t.length}` : '-',
      ];
    });
    const categoryMisses = outcomes
      .filter((o) => !o.categoryOk)
      .map((o) => [o.c.id, o.c.category, o.got, o.best?.playbook ?? '-', wording(o)]);
    const targetMisses = outcomes
      .filter((o) => o.targetOk === false)
      .map((o) => [o.c.id, o.c.category, o.got, JSON.stringify(o.c.target), summarise(o.best)]);

    console.log(
      [
        `held-out corpus: ${outcomes.length} cases (${tls.length} TLS/certificate, ${none.length} none, ${withTarget.length} scored for target)`,
        '',
        table([
          ['score', 'value', 'bar'],
          ['(a) category accuracy (best match, category != none)', pct(scores.category), pct(BAR.category)],
          ['(b) no match on none cases', pct(scores.none), pct(BAR.none)],
          ['(c) target in best match entities', pct(scores.target), pct(BAR.target)],
        ]),
        '',
        table([['category', 'cases', 'correct', 'target'], ...perCat]),
        '',
        `category misses (${categoryMisses.length}):`,
        categoryMisses.length
          ? table([['id', 'expected', 'got', 'playbook', 'wording'], ...categoryMisses])
          : '(none)',
        '',
        `target misses (${targetMisses.length}):`,
        targetMisses.length
          ? table([['id', 'expected', 'got', 'target', 'best-match entities'], ...targetMisses])
          : '(none)',
      ].join('\n'),
    );
  });

  test('the corpus is well formed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.source).toBe('string');
      expect(CATEGORIES as readonly string[]).toContain(c.category);
      expect(typeof c.log).toBe('string');
      expect(c.log.trim().length).toBeGreaterThan(0);
      if (c.target) expect(c.target.host !== undefined || c.target.ip !== undefined).toBe(true);
    }
    for (const cat of CATEGORIES.filter((x) => x !== 'none')) {
      expect(cases.filter((c) => c.category === cat).length).toBeGreaterThanOrEqual(2);
    }
    expect(cases.filter((c) => c.category === 'none').length).toBeGreaterThanOrEqual(20);
  });

  test('no case repeats the first evaluation set (cases.yaml)', () => {
    const first = join(here, 'cases.yaml');
    if (!existsSync(first)) return;
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const other = parse(readFileSync(first, 'utf8')) as Case[];
    const otherIds = new Set(other.map((c) => c.id));
    const otherLogs = new Set(other.map((c) => squash(c.log)));
    const repeated = cases.filter((c) => otherIds.has(c.id) || otherLogs.has(squash(c.log))).map((c) => c.id);
    expect(repeated).toEqual([]);
  });

  test(`(a) category accuracy on certificate/TLS failures >= ${BAR.category}`, () => {
    expect(scores.category).toBeGreaterThanOrEqual(BAR.category);
  });

  test(`(b) no match on unrelated failures >= ${BAR.none}`, () => {
    expect(scores.none).toBeGreaterThanOrEqual(BAR.none);
  });

  test(`(c) dialled target found in the best match >= ${BAR.target}`, () => {
    expect(scores.target).toBeGreaterThanOrEqual(BAR.target);
  });
});
