// The one place playbook patterns are compiled. Every pattern runs on RE2, whose matching
// time is linear in the input; there is no fallback to the backtracking engine, so a
// missing or broken RE2 fails loading instead of quietly reintroducing ReDoS.
import { createRequire } from 'node:module';
import { TlsdocError } from '../errors.js';

export interface Re2Match {
  index: number;
  0: string;
  groups?: Record<string, string | undefined>;
}
export interface Re2Regex {
  readonly source: string;
  lastIndex: number;
  exec(input: string | Buffer): (Re2Match & ArrayLike<string | undefined>) | null;
  test(input: string | Buffer): boolean;
}
export interface Re2Set {
  match(input: string | Buffer): number[];
  test(input: string | Buffer): boolean;
}
interface Re2Module {
  new (pattern: string, flags?: string): Re2Regex;
  Set: new (patterns: string[], flags?: string) => Re2Set;
}

let engine: Re2Module | undefined;
function re2(): Re2Module {
  if (engine) return engine;
  try {
    // re2 is a CommonJS native addon; createRequire loads it from this ESM module.
    engine = createRequire(import.meta.url)('re2') as Re2Module;
  } catch (cause) {
    throw new TlsdocError('REGEX_ENGINE_MISSING', 'the RE2 regular-expression engine (npm package "re2") could not be loaded; run `npm ci` again', { cause });
  }
  return engine;
}

const NAMED_GROUP = /\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g;
const LAZY_QUANTIFIER = /(?<!\\)(?:[*+?}])\?/;

/** Named groups a pattern declares, in order. */
export function namedGroups(pattern: string): string[] {
  return [...pattern.matchAll(NAMED_GROUP)].map((m) => m[1] as string);
}

/** Problems that make a pattern unfit, beyond what RE2 itself rejects. */
export function lintPattern(pattern: string): string[] {
  const problems: string[] = [];
  if (LAZY_QUANTIFIER.test(pattern.replace(/\\\\/g, ''))) problems.push('lazy quantifiers (*? +? ?? {n}?) are not allowed: patterns are exported for grep -E');
  if (/\(\?[=!]|\(\?<[=!]/.test(pattern)) problems.push('look-around is not supported by RE2');
  if (/\\[1-9]/.test(pattern)) problems.push('backreferences are not supported by RE2');
  return problems;
}

/**
 * Compiles a playbook pattern: RE2, case-insensitive, and multi-line so `^`/`$` mean the
 * start/end of a line also when a pattern runs over a whole paste. `flags` adds e.g. `g`.
 */
export function compilePattern(pattern: string, flags = ''): Re2Regex {
  const Engine = re2();
  try {
    // RE2 accepts (?P<name>…); normalise to the JS spelling it also reports groups for.
    return new Engine(pattern.replace(/\(\?P</g, '(?<'), 'im' + flags);
  } catch (cause) {
    throw new TlsdocError('PATTERN_INVALID', `RE2 rejects the pattern: ${(cause as Error).message}`, { cause });
  }
}

/** One RE2 set over many patterns: which of them match a given line. */
export function compilePatternSet(patterns: string[]): Re2Set {
  const Engine = re2();
  return new Engine.Set(patterns.map(withoutGroupNames), 'im');
}

/** The same pattern with named groups turned into plain groups. */
export function withoutGroupNames(pattern: string): string {
  return pattern.replace(/\(\?P?<[A-Za-z_][A-Za-z0-9_]*>/g, '(');
}

const ERE_SPECIAL = new Set([...'.[]()*+?{}|^$\\']);
const GNU_ESCAPES = new Set([...'bBsSwW<>']);
const CLASS_ESCAPES: Record<string, string> = { d: '0-9', s: ' \t', w: 'A-Za-z0-9_' };

/**
 * The pattern in POSIX ERE as GNU `grep -E` reads it: group names and `?:` dropped,
 * `\d` spelled as a class, escapes inside brackets (where POSIX has none) spelled out.
 * Case-insensitivity is grep's -i. Throws for what ERE cannot say (negated classes
 * inside brackets).
 */
export function toExtendedRegex(pattern: string): string {
  const source = withoutGroupNames(pattern).replace(/\(\?:/g, '(');
  let out = '';
  let inClass = false;
  let classBody = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (inClass) {
      if (ch === '\\') {
        const next = source[++i] ?? '';
        if (CLASS_ESCAPES[next]) classBody += CLASS_ESCAPES[next];
        else if (/[SDW]/.test(next)) throw new TlsdocError('PATTERN_INVALID', `\\${next} inside [...] cannot be exported for grep -E`);
        else if (next === ']') classBody = classBody.startsWith('^') ? '^]' + classBody.slice(1) : ']' + classBody; // POSIX: ] first is literal
        else if (next === '-') classBody += '\u0000DASH';
        else classBody += next;
      } else if (ch === ']' && classBody.replace(/^\^/, '') !== '') {
        const negated = classBody.startsWith('^');
        let body = negated ? classBody.slice(1) : classBody;
        // A literal dash goes last, where POSIX reads it as itself.
        const hasDash = body.includes('\u0000DASH');
        body = body.split('\u0000DASH').join('') + (hasDash ? '-' : '');
        out += '[' + (negated ? '^' : '') + body + ']';
        inClass = false;
      } else classBody += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      classBody = '';
      continue;
    }
    if (ch === '\\') {
      const next = source[++i] ?? '';
      if (next === 'd') out += '[0-9]';
      else if (next === 'D') out += '[^0-9]';
      else if (next === 't') out += '\t';
      else if (GNU_ESCAPES.has(next) || ERE_SPECIAL.has(next)) out += '\\' + next;
      else out += next; // \- \" \/ … are plain characters in ERE
      continue;
    }
    out += ch;
  }
  return out;
}
