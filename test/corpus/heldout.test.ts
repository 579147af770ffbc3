// Second evaluation set (heldout.yaml): pastes copied from public GitHub issue threads (the
// URL is above each case), labelled by the root cause the thread established, written
// without looking at the playbooks, the matcher or cases.yaml.
import { expect, test } from '@jest/globals';
import { describeCorpus, readCorpus } from './evaluateCorpus.js';

describeCorpus('heldout.yaml', { cases: 70, perCategory: 2, none: 20 }, (cases) => {
  test('no case repeats the first evaluation set', () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const first = readCorpus(new URL('./cases.yaml', import.meta.url));
    const ids = new Set(first.map((c) => c.id));
    const logs = new Set(first.map((c) => squash(c.log)));
    expect(cases.filter((c) => ids.has(c.id) || logs.has(squash(c.log))).map((c) => c.id)).toEqual([]);
  });
});
