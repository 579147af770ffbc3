// Strict loading: every problem names its file and line; nothing passes vacuously.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TlsdocError } from '../../src/core/errors.js';
import { parsePlaybook } from '../../src/core/playbook/parse.js';
import { loadPatternIndex, readPlaybookDirectory } from '../../src/playbookFiles/loadPlaybooks.js';

const valid = readFileSync(new URL('../../playbooks/go-no-ip-sans.yaml', import.meta.url), 'utf8');
const dirs: string[] = [];
const tempDir = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'tlsdoc-pb-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const problems = (text: string, file = 'go-no-ip-sans.yaml') => {
  const r = parsePlaybook(file, text);
  if (!('problems' in r)) throw new Error('expected problems');
  return r.problems;
};

describe('parsePlaybook', () => {
  test('the reference playbook parses', () => {
    expect('playbook' in parsePlaybook('go-no-ip-sans.yaml', valid)).toBe(true);
  });

  test('an unknown key is reported at its own line', () => {
    const text = valid.replace('verify: |', 'verfiy: oops\nverify: |');
    const [p, ...rest] = problems(text);
    expect(p).toMatchObject({ file: 'go-no-ip-sans.yaml', line: lineOf(text, 'verfiy:'), message: 'unknown key "verfiy"' });
    expect(rest).toEqual([]);
  });

  test('a wrong category names the line and the allowed values', () => {
    const text = valid.replace('category: ip-san-missing', 'category: ip-sans');
    const [p] = problems(text);
    expect(p?.line).toBe(lineOf(text, 'category:'));
    expect(p?.message).toMatch(/category: .*ip-san-missing/);
  });

  test('malformed YAML names the line of the syntax error', () => {
    const text = valid.replace('title: The client', 'title: [The client');
    const [p] = problems(text);
    expect(p?.message).toMatch(/^YAML: /);
    expect(p?.line).toBeGreaterThanOrEqual(lineOf(text, 'title: [The client'));
  });

  test('a pattern RE2 rejects, a lazy quantifier, an unknown capture name', () => {
    const text = valid
      .replace('"x509: cannot validate certificate for (?P<target_ip>[0-9a-f.:]+) because"', '"x509: (a)\\\\1"')
      .replace("- pattern: \"cannot validate certificate for (?P<target_ip>", '- pattern: "cannot .*? validate (?P<bogus>x) certificate for (?P<target_ip>');
    const ps = problems(text);
    expect(ps.map((p) => p.message).join('\n')).toMatch(/lazy quantifiers/);
    expect(ps.map((p) => p.message).join('\n')).toMatch(/unknown capture name "bogus"/);
    expect(ps.map((p) => p.message).join('\n')).toMatch(/backreferences/);
    expect(ps.every((p) => p.line > 1)).toBe(true);
  });

  test('an unknown template variable is an error', () => {
    const text = valid.replace('{{target_ip}}:{{port|443}}', '{{target_ipp}}:{{port|443}}');
    expect(problems(text).map((p) => p.message).join()).toMatch(/unknown template variable \{\{target_ipp\}\}/);
  });

  test('too few examples, and id not matching the file name', () => {
    expect(problems(valid, 'other-name.yaml')[0]?.message).toMatch(/must equal the file name "other-name"/);
    const noNegatives = valid.replace(/ {2}- name: host name mismatch[\s\S]*$/, "");
    expect(problems(noNegatives).map((p) => p.message)).toEqual(['examples: needs at least 1 negative example (match: false)']);
  });
});

describe('readPlaybookDirectory / loadPatternIndex', () => {
  test('an empty directory is an error, not a vacuous pass', () => {
    const dir = tempDir({ 'notes.txt': 'x' });
    expect(() => readPlaybookDirectory(dir)).toThrow(/no playbooks/);
  });

  test('duplicate ids are reported; any problem stops loading with file:line', () => {
    const dir = tempDir({ 'go-no-ip-sans.yaml': valid, 'go-no-ip-sans.yml': valid, 'copy.yaml': valid.replace('id: go-no-ip-sans', 'id: copy'), 'broken.yaml': 'id: broken\ntitle: [' });
    const load = readPlaybookDirectory(dir);
    expect(load.playbooks.map((p) => p.playbook.id).sort()).toEqual(['copy', 'go-no-ip-sans']);
    expect(load.problems.map((p) => `${p.file.replace(/^.*\//, '')}: ${p.message}`)).toEqual([
      expect.stringMatching(/^broken\.yaml: YAML: /),
      expect.stringMatching(/^go-no-ip-sans\.yml: duplicate id "go-no-ip-sans" \(also in .*go-no-ip-sans\.yaml\)$/),
    ]);
    expect(() => loadPatternIndex(dir)).toThrow(TlsdocError);
    expect(() => loadPatternIndex(dir)).toThrow(/broken\.yaml:2:/);
  });
});
