// Runs every playbook's own examples (promtool-style): positives must be recognised by
// their playbook, ranked to its category, with the entities they list; negatives must not
// be recognised by it. One runner for all playbooks; authors write no code.
import { canonicalIP, isIP } from '../entities/addresses.js';
import type { Entities } from '../entities/extract.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Match } from '../diagnosis/model.js';
import type { PatternIndex } from '../match/scanner.js';
import type { EntityExpectation, PlaybookExample } from './schema.js';

export interface ExampleFailure {
  playbook: string;
  example: string;
  expected: string;
  got: string;
}

export interface ExampleReport {
  examples: number;
  failures: ExampleFailure[];
}

function exampleName(ex: PlaybookExample, i: number): string {
  return ex.name ?? `example ${i + 1}`;
}

export function runPlaybookExamples(index: PatternIndex, only?: string): ExampleReport {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  for (const { playbook } of index.playbooks) {
    if (only && playbook.id !== only) continue;
    playbook.examples.forEach((ex, i) => {
      examples++;
      const fail = (expected: string, got: string) => failures.push({ playbook: playbook.id, example: exampleName(ex, i), expected, got });
      const { matches } = diagnose(index, ex.log);
      const own = matches.find((m) => m.playbook === playbook.id);
      const summary = matches.map((m) => `${m.playbook} (${m.category} ${m.confidence})`).join(', ') || 'no match';
      if (!ex.match) {
        if (own) fail(`no match by ${playbook.id}`, summary);
        return;
      }
      if (!own) return fail(`a match by ${playbook.id}`, summary);
      if (ex.best && matches[0]?.category !== playbook.category) fail(`best match of category ${playbook.category}`, summary);
      if (ex.entities) for (const problem of entityMismatches(ex.entities, own)) fail(problem.expected, problem.got);
    });
  }
  return { examples, failures };
}

function norm(v: string): string {
  return isIP(v) ? canonicalIP(v) : v.toLowerCase();
}

function entityMismatches(want: EntityExpectation, match: Match): { expected: string; got: string }[] {
  const out: { expected: string; got: string }[] = [];
  const got: Entities = match.entities;
  for (const [key, expected] of Object.entries(want)) {
    if (key === 'target' || expected === undefined) continue;
    const actual = (got[key as keyof Entities] ?? []) as (string | number)[];
    const actualNorm = actual.map((a) => (typeof a === 'number' ? String(a) : norm(a)));
    for (const item of expected as (string | number)[]) {
      const w = typeof item === 'number' ? String(item) : norm(item);
      if (!actualNorm.includes(w)) out.push({ expected: `entities.${key} to contain ${JSON.stringify(item)}`, got: JSON.stringify(actual) });
    }
  }
  if (want.target) {
    for (const field of ['host', 'ip', 'port'] as const) {
      const w = want.target[field];
      if (w === undefined) continue;
      const a = got.target[field];
      const equal = w === null ? a === null : typeof w === 'number' ? a === w : a !== null && norm(String(a)) === norm(w);
      if (!equal) out.push({ expected: `entities.target.${field} = ${JSON.stringify(w)}`, got: JSON.stringify(got.target) });
    }
  }
  return out;
}
