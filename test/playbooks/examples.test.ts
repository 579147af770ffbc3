// The one generic test for all playbooks: every example of every playbook, failures
// reported as playbook / example / expected / got.
import { describe, expect, test } from '@jest/globals';
import { runPlaybookExamples } from '../../src/core/playbook/examples.js';
import { bundledIndex } from '../support/library.js';

const index = bundledIndex();

describe.each(index.playbooks.map((p) => [p.playbook.id]))('playbook %s', (id) => {
  test('its examples pass', () => {
    const report = runPlaybookExamples(index, id);
    expect(report.examples).toBeGreaterThanOrEqual(3);
    expect(report.failures.map((f) => `${f.example}: expected ${f.expected}; got ${f.got}`)).toEqual([]);
  });
});
