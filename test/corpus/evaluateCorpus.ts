// One evaluator for the labelled corpora (cases.yaml, heldout.yaml): real pastes with the
// root-cause category of shared/taxonomy.md (or `none`) and the address the failing
// client dialled. It scores
//   (a) category accuracy of the best match on certificate/TLS failures,
//   (b) silence (no match at all) on unrelated failures,
//   (c) target extraction: the dialled host or IP appears in the best match's entities,
// and prints every miss. The thresholds are the bar, not a target to tune the cases to.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import type { Match } from '../../src/core/diagnosis/model.js';
import type { PatternIndex } from '../../src/core/match/scanner.js';
import { bundledIndex } from '../support/library.js';
import { CATEGORIES } from '../../src/core/taxonomy.js';

export const BAR = { category: 0.85, none: 0.9, target: 0.85 };
export const LABELS: readonly string[] = [...CATEGORIES, 'none'];

export interface CorpusCase {
  id: string;
  source: string;
  category: string;
  target?: { host?: string; ip?: string; port?: number };
  log: string;
}

interface Outcome {
  c: CorpusCase;
  best: Match | undefined;
  categoryOk: boolean;
  /** undefined: not scored (a `none` case, or no target in the log). */
  targetOk: boolean | undefined;
}

export interface CorpusScores {
  category: number;
  none: number;
  target: number;
}

export function readCorpus(file: URL): CorpusCase[] {
  return parse(readFileSync(file, 'utf8')) as CorpusCase[];
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

function targetFound(t: NonNullable<CorpusCase['target']>, m: Match | undefined): boolean {
  if (!m) return false;
  const seen = new Set([...m.entities.hosts, ...m.entities.ips, m.entities.target.host ?? '', m.entities.target.ip ?? ''].map(norm).filter(Boolean));
  return (t.host !== undefined && seen.has(norm(t.host))) || (t.ip !== undefined && seen.has(norm(t.ip)));
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (ok: number, n: number) => (n === 0 ? 1 : ok / n);
function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function evaluateCorpus(name: string, cases: CorpusCase[], index: PatternIndex): CorpusScores {
  const outcomes: Outcome[] = cases.map((c) => {
    const best = diagnose(index, c.log).matches[0];
    const isNone = c.category === 'none';
    return { c, best, categoryOk: isNone ? best === undefined : best?.category === c.category, targetOk: !isNone && c.target ? targetFound(c.target, best) : undefined };
  });
  const tls = outcomes.filter((o) => o.c.category !== 'none');
  const none = outcomes.filter((o) => o.c.category === 'none');
  const withTarget = outcomes.filter((o) => o.targetOk !== undefined);
  const scores = {
    category: ratio(tls.filter((o) => o.categoryOk).length, tls.length),
    none: ratio(none.filter((o) => o.categoryOk).length, none.length),
    target: ratio(withTarget.filter((o) => o.targetOk).length, withTarget.length),
  };
  const got = (o: Outcome) => o.best?.category ?? '(no match)';
  const perCategory = LABELS.map((cat) => {
    const os = outcomes.filter((o) => o.c.category === cat);
    return [cat, String(os.length), String(os.filter((o) => o.categoryOk).length)];
  });
  const categoryMisses = outcomes.filter((o) => !o.categoryOk).map((o) => [o.c.id, o.c.source, o.c.category, got(o), o.best?.playbook ?? '', o.best?.evidence[0]?.text.slice(0, 100) ?? '']);
  const targetMisses = outcomes
    .filter((o) => o.targetOk === false)
    .map((o) => [o.c.id, o.c.category, got(o), JSON.stringify(o.c.target), JSON.stringify(o.best?.entities.target ?? null)]);
  console.log(
    [
      `${name}: ${outcomes.length} cases (${tls.length} TLS/certificate, ${none.length} none, ${withTarget.length} scored for target)`,
      table([
        ['score', 'value', 'bar'],
        ['(a) category accuracy (best match, category != none)', pct(scores.category), pct(BAR.category)],
        ['(b) no match on none cases', pct(scores.none), pct(BAR.none)],
        ['(c) target in best match entities', pct(scores.target), pct(BAR.target)],
      ]),
      '',
      table([['category', 'cases', 'correct'], ...perCategory]),
      '',
      `category misses (${categoryMisses.length}):`,
      categoryMisses.length ? table([['id', 'source', 'expected', 'got', 'playbook', 'evidence'], ...categoryMisses]) : '(none)',
      '',
      `target misses (${targetMisses.length}):`,
      targetMisses.length ? table([['id', 'expected', 'got', 'target', 'best-match target'], ...targetMisses]) : '(none)',
    ].join('\n'),
  );
  return scores;
}

/** Ids unique, labels from the taxonomy, logs non-empty, every category represented. */
export function expectWellFormed(cases: CorpusCase[], minimum: { cases: number; perCategory: number; none: number }): void {
  expect(cases.length).toBeGreaterThanOrEqual(minimum.cases);
  const ids = cases.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const c of cases) {
    expect({ id: c.id, label: LABELS.includes(c.category), source: typeof c.source, log: c.log.trim().length > 0 }).toEqual({ id: c.id, label: true, source: 'string', log: true });
    if (c.target) expect(c.target.host !== undefined || c.target.ip !== undefined).toBe(true);
  }
  const thin = CATEGORIES.filter((cat) => cases.filter((c) => c.category === cat).length < minimum.perCategory);
  expect(thin).toEqual([]);
  expect(cases.filter((c) => c.category === 'none').length).toBeGreaterThanOrEqual(minimum.none);
}

/** The suite both corpora run: well formed, then the three scores against the bar. */
export function describeCorpus(file: string, minimum: { cases: number; perCategory: number; none: number }, extra?: (cases: CorpusCase[]) => void): void {
  const cases = readCorpus(new URL(`./${file}`, import.meta.url));
  describe(`evaluation corpus (test/corpus/${file})`, () => {
    let scores: CorpusScores;
    beforeAll(() => {
      scores = evaluateCorpus(file, cases, bundledIndex());
    });
    test('the corpus is well formed', () => expectWellFormed(cases, minimum));
    extra?.(cases);
    test(`(a) category accuracy on certificate/TLS failures >= ${BAR.category}`, () => expect(scores.category).toBeGreaterThanOrEqual(BAR.category));
    test(`(b) no match on unrelated failures >= ${BAR.none}`, () => expect(scores.none).toBeGreaterThanOrEqual(BAR.none));
    test(`(c) dialled target found in the best match >= ${BAR.target}`, () => expect(scores.target).toBeGreaterThanOrEqual(BAR.target));
  });
}
