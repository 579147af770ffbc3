// First evaluation set (cases.yaml): written without looking at the playbooks; since used
// to find missing wordings, so it is a development set now. heldout.test.ts is the second.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledIndex } from '../support/library.js';
import { BAR, evaluateCorpus, expectWellFormed, readCorpus, type CorpusScores } from './evaluateCorpus.js';

const cases = readCorpus(new URL('./cases.yaml', import.meta.url));

describe('evaluation corpus (test/corpus/cases.yaml)', () => {
  let scores: CorpusScores;
  beforeAll(() => {
    scores = evaluateCorpus('cases.yaml', cases, bundledIndex());
  });

  test('the corpus is well formed', () => expectWellFormed(cases, { cases: 110, perCategory: 3, none: 20 }));
  test(`(a) category accuracy on certificate/TLS failures >= ${BAR.category}`, () => expect(scores.category).toBeGreaterThanOrEqual(BAR.category));
  test(`(b) no match on unrelated failures >= ${BAR.none}`, () => expect(scores.none).toBeGreaterThanOrEqual(BAR.none));
  test(`(c) dialled target found in the best match >= ${BAR.target}`, () => expect(scores.target).toBeGreaterThanOrEqual(BAR.target));
});
