// Turns one playbook file's text into a checked, compiled playbook. Pure: the caller
// reads the file. Every error names the file and the line of the offending node.
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { TlsdocError } from '../errors.js';
import { compilePattern, lintPattern, namedGroups, toExtendedRegex, type Re2Regex } from '../regex/gate.js';
import { CAPTURE_NAMES } from './captureNames.js';
import { playbookSchema, type Playbook } from './schema.js';
import { templateVariablesIn } from './template.js';
import { TEMPLATE_VARIABLE_NAMES } from './templateVariables.js';

export interface CompiledPattern {
  source: string;
  regex: Re2Regex;
  weight: number;
  software: string | undefined;
}

export interface CompiledPlaybook {
  playbook: Playbook;
  file: string;
  match: CompiledPattern[];
  context: { source: string; regex: Re2Regex; boost: number }[];
  captures: { source: string; regex: Re2Regex }[];
}

export interface PlaybookProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

type Path = (string | number)[];

class Locator {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The problem at `path`; for an unknown key, at that key. */
  problem(path: Path, message: string, unknownKey?: string): PlaybookProblem {
    let offset = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        offset = node.range[0];
        if (unknownKey !== undefined && depth === path.length && isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === unknownKey);
          if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
        }
        break;
      }
    }
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col, message };
  }
}

export function formatProblem(p: PlaybookProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Parses and checks one playbook; returns the compiled playbook or every problem found. */
export function parsePlaybook(file: string, text: string): { playbook: CompiledPlaybook } | { problems: PlaybookProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return { file, line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const at = new Locator(file, doc, lines);
  const parsed = playbookSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.flatMap((issue) => {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => at.problem(path, `unknown key "${k}"`, k));
        const where = path.length ? path.join('.') : '(top level)';
        return [at.problem(path, `${where}: ${issue.message}`)];
      }),
    };
  }
  const playbook = parsed.data;
  const problems: PlaybookProblem[] = [];
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (playbook.id !== expectedId) problems.push(at.problem(['id'], `id "${playbook.id}" must equal the file name "${expectedId}"`));

  const compile = (path: Path, source: string, allowGroups: boolean): Re2Regex | undefined => {
    const issues = [...lintPattern(source)];
    const groups = namedGroups(source);
    if (!allowGroups && groups.length) issues.push('context patterns take no named groups');
    for (const g of groups) if (!(CAPTURE_NAMES as readonly string[]).includes(g)) issues.push(`unknown capture name "${g}" (known: ${CAPTURE_NAMES.join(', ')})`);
    try {
      toExtendedRegex(source);
    } catch (e) {
      issues.push((e as Error).message);
    }
    let regex: Re2Regex | undefined;
    try {
      regex = compilePattern(source);
    } catch (e) {
      if (e instanceof TlsdocError && e.code === 'REGEX_ENGINE_MISSING') throw e;
      issues.push((e as Error).message);
    }
    for (const i of issues) problems.push(at.problem(path, `pattern: ${i}`));
    return issues.length ? undefined : regex;
  };

  const match = playbook.match.map((m, i) => ({ source: m.pattern, regex: compile(['match', i, 'pattern'], m.pattern, true), weight: m.weight, software: m.software }));
  const context = playbook.context.map((c, i) => ({ source: c.pattern, regex: compile(['context', i, 'pattern'], c.pattern, false), boost: c.boost }));
  const captures = playbook.captures.map((c, i) => ({ source: c.pattern, regex: compile(['captures', i, 'pattern'], c.pattern, true) }));

  const templated: [Path, string][] = [
    [['summary'], playbook.summary],
    [['diagnosis'], playbook.diagnosis],
    [['verify'], playbook.verify],
    ...playbook.fixes.flatMap((f, i): [Path, string][] => [
      [['fixes', i, 'title'], f.title],
      [['fixes', i, 'commands'], f.commands],
    ]),
  ];
  for (const [path, text] of templated) {
    for (const name of templateVariablesIn(text)) {
      if (!(TEMPLATE_VARIABLE_NAMES as string[]).includes(name)) problems.push(at.problem(path, `unknown template variable {{${name}}} (known: ${TEMPLATE_VARIABLE_NAMES.join(', ')})`));
    }
  }
  playbook.distinguish.forEach((d, i) => {
    if (d.category === playbook.category) problems.push(at.problem(['distinguish', i, 'category'], 'distinguish names the playbook\'s own category'));
  });

  if (problems.length) return { problems };
  const ok = <T extends { regex: Re2Regex | undefined }>(xs: T[]) => xs as (T & { regex: Re2Regex })[];
  return { playbook: { playbook, file, match: ok(match), context: ok(context), captures: ok(captures) } };
}
