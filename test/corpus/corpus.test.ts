// Independent evaluation corpus (test/corpus/cases.yaml): real-world pastes from many
// programs, labelled with the root-cause category of shared/taxonomy.md (or `none`) and
// the address the failing client dialled. The cases were written without looking at the
// playbooks or the matcher, so this measures how well the diagnosis generalises:
//   (a) category accuracy of the best match on certificate/TLS failures,
//   (b) silence (no match at all) on unrelated failures,
//   (c) target extraction: the dialled host or IP appears in the best match's entities.
// Every miss is printed as a table; the thresholds are the bar, not a target to tune to.
import { readFileSync } from 'node:fs';
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
// model's other fields.
interface MatchLike {
  category?: string;
  entities?: {
    hosts?: readonly string[];
    ips?: readonly string[];
    target?: { host?: string | null; ip?: string | null; port?: number | null } | null;
  };
}

interface Outcome {
  c: Case;
  got: string; // best match category, or '(no match)'
  categoryOk: boolean;
  targetOk: boolean | undefined; // undefined: not scored (none case or no target)
  entitySummary: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const cases = parse(readFileSync(join(here, 'cases.yaml'), 'utf8')) as Case[];

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

describe('evaluation corpus (test/corpus/cases.yaml)', () => {
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
        got,
        categoryOk: isNone ? best === undefined : got === c.category,
        targetOk: !isNone && c.target ? targetFound(c.target, best) : undefined,
        entitySummary: summarise(best),
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

    // Per-category breakdown.
    const perCat = CATEGORIES.map((cat) => {
      const os = outcomes.filter((o) => o.c.category === cat);
      return [cat, String(os.length), String(os.filter((o) => o.categoryOk).length)];
    });
    const categoryMisses = outcomes
      .filter((o) => !o.categoryOk)
      .map((o) => [o.c.id, o.c.source, o.c.category, o.got]);
    const targetMisses = outcomes
      .filter((o) => o.targetOk === false)
      .map((o) => [o.c.id, o.c.category, o.got, JSON.stringify(o.c.target), o.entitySummary]);

    console.log(
      [
        `corpus: ${outcomes.length} cases (${tls.length} TLS/certificate, ${none.length} none, ${withTarget.length} scored for target)`,
        `(a) category accuracy (best match, category != none): ${pct(scores.category)}  [bar ${pct(BAR.category)}]`,
        `(b) no match on none cases:                          ${pct(scores.none)}  [bar ${pct(BAR.none)}]`,
        `(c) target in best match entities:                   ${pct(scores.target)}  [bar ${pct(BAR.target)}]`,
        '',
        table([['category', 'cases', 'correct'], ...perCat]),
        '',
        `category misses (${categoryMisses.length}):`,
        categoryMisses.length ? table([['id', 'source', 'expected', 'got'], ...categoryMisses]) : '(none)',
        '',
        `target misses (${targetMisses.length}):`,
        targetMisses.length
          ? table([['id', 'expected', 'got', 'target', 'best-match entities'], ...targetMisses])
          : '(none)',
      ].join('\n'),
    );
  });

  test('the corpus is well formed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.source).toBe('string');
      expect(CATEGORIES as readonly string[]).toContain(c.category);
      expect(typeof c.log).toBe('string');
      expect(c.log.length).toBeGreaterThan(0);
      if (c.target) expect(c.target.host !== undefined || c.target.ip !== undefined).toBe(true);
    }
    for (const cat of CATEGORIES.filter((x) => x !== 'none')) {
      expect(cases.filter((c) => c.category === cat).length).toBeGreaterThanOrEqual(3);
    }
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
