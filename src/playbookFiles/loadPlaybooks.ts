// Reads the playbook directory and builds the pattern index. Loading is strict: one bad
// file, a duplicate id or an empty directory stops loading with every problem listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TlsdocError } from '../core/errors.js';
import { buildPatternIndex, type PatternIndex } from '../core/match/scanner.js';
import { formatProblem, parsePlaybook, type CompiledPlaybook, type PlaybookProblem } from '../core/playbook/parse.js';

/** The playbooks shipped with tlsdoc (next to dist/ and src/). */
export const BUNDLED_PLAYBOOKS_DIR = fileURLToPath(new URL('../../playbooks', import.meta.url));

export interface PlaybookLoad {
  playbooks: CompiledPlaybook[];
  problems: PlaybookProblem[];
  files: string[];
}

/** Parses every `*.yaml` in `dir`, collecting problems instead of stopping at the first. */
export function readPlaybookDirectory(dir: string): PlaybookLoad {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (cause) {
    throw new TlsdocError('PLAYBOOKS_EMPTY', `cannot read the playbook directory ${dir}: ${(cause as Error).message}`, { cause });
  }
  if (names.length === 0) throw new TlsdocError('PLAYBOOKS_EMPTY', `no playbooks (*.yaml) in ${dir}`);
  const shown = (file: string) => relative(process.cwd(), file) || file;
  const playbooks: CompiledPlaybook[] = [];
  const problems: PlaybookProblem[] = [];
  const files: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    files.push(file);
    const result = parsePlaybook(shown(file), readFileSync(file, 'utf8'));
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const id = result.playbook.playbook.id;
    const earlier = seen.get(id);
    if (earlier) problems.push({ file: shown(file), line: 1, column: 1, message: `duplicate id "${id}" (also in ${earlier})` });
    else {
      seen.set(id, shown(file));
      playbooks.push(result.playbook);
    }
  }
  return { playbooks, problems, files };
}

/** Loads and indexes the playbooks, or throws listing every problem (file:line: message). */
export function loadPatternIndex(dir: string = BUNDLED_PLAYBOOKS_DIR): PatternIndex {
  const load = readPlaybookDirectory(resolve(dir));
  if (load.problems.length) {
    throw new TlsdocError('PLAYBOOK_INVALID', `${load.problems.length} problem(s) in playbooks:\n${load.problems.map(formatProblem).join('\n')}`, {
      location: load.problems[0] ? `${load.problems[0].file}:${load.problems[0].line}` : undefined,
    });
  }
  return buildPatternIndex(load.playbooks);
}
