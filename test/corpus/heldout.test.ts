// Second evaluation set (heldout.yaml): pastes copied from public GitHub issue threads (the
// URL is above each case), labelled by the root cause the thread established, written
// without looking at the playbooks, the matcher or cases.yaml.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledIndex } from '../support/library.js';
import { BAR, evaluateCorpus, expectWellFormed, readCorpus, type CorpusScores } from './evaluateCorpus.js';

const cases = readCorpus(new URL('./heldout.yaml', import.meta.url));

describe('held-out evaluation corpus (test/corpus/heldout.yaml)', () => {
  let scores: CorpusScores;
  beforeAll(() => {
    scores = evaluateCorpus('heldout.yaml', cases, bundledIndex());
  });

  test('the corpus is well formed', () => expectWellFormed(cases, { cases: 70, perCategory: 2, none: 20 }));

  test('no case repeats the first evaluation set', () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const first = readCorpus(new URL('./cases.yaml', import.meta.url));
    const ids = new Set(first.map((c) => c.id));
    const logs = new Set(first.map((c) => squash(c.log)));
    expect(cases.filter((c) => ids.has(c.id) || logs.has(squash(c.log))).map((c) => c.id)).toEqual([]);
  });

  test(`(a) category accuracy on certificate/TLS failures >= ${BAR.category}`, () => expect(scores.category).toBeGreaterThanOrEqual(BAR.category));
  test(`(b) no match on unrelated failures >= ${BAR.none}`, () => expect(scores.none).toBeGreaterThanOrEqual(BAR.none));
  test(`(c) dialled target found in the best match >= ${BAR.target}`, () => expect(scores.target).toBeGreaterThanOrEqual(BAR.target));
});
