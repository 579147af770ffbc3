// Finds which lines of a text match which playbook patterns, in time linear in the text.
//
// Stage 1 runs ONE RE2 expression over the UTF-8 bytes of the whole text: the alternation
// of every pattern's required literals (see requiredLiterals.ts), plus the few patterns
// that have none. Literals keep RE2 on its DFA; the alternation of a few hundred full
// patterns does not fit the DFA's memory and falls back to the NFA (measured: 1 MB/s).
// Most lines of a real log contain none of the literals. Stage 2 looks only at lines
// stage 1 hit, asking an RE2 set which patterns really match there.
import { compilePattern, compilePatternSet, withoutGroupNames, type Re2Regex, type Re2Set } from '../regex/gate.js';
import type { CompiledPlaybook } from '../playbook/parse.js';
import { requiredLiterals } from '../regex/requiredLiterals.js';

export interface PatternRef {
  playbook: number;
  pattern: number;
}

export interface PatternIndex {
  playbooks: CompiledPlaybook[];
  /** Pattern number in `gate`/`set` → which playbook pattern it is. */
  refs: PatternRef[];
  gate: Re2Regex;
  set: Re2Set;
}

export interface LineHit {
  /** Byte offsets of the line in the scanned buffer (end excludes the newline). */
  start: number;
  end: number;
  /** Indices into `refs`. */
  patterns: number[];
}

export function buildPatternIndex(playbooks: CompiledPlaybook[]): PatternIndex {
  const refs: PatternRef[] = [];
  const sources: string[] = [];
  playbooks.forEach((p, pi) =>
    p.match.forEach((m, mi) => {
      refs.push({ playbook: pi, pattern: mi });
      sources.push(withoutGroupNames(m.source));
    }),
  );
  const gateParts = new Set<string>();
  for (const source of sources) {
    const literals = requiredLiterals(source);
    // Too short a literal would hit nearly every line: gate on the pattern itself then.
    if (literals && Math.min(...literals.map((l) => Buffer.byteLength(l))) >= MIN_LITERAL_BYTES) for (const l of literals) gateParts.add(escapeLiteral(l));
    else gateParts.add(`(?:${source})`);
  }
  const gate = compilePattern(gateParts.size ? [...gateParts].join('|') : '[^\\s\\S]', 'g');
  const set = compilePatternSet(sources.length ? sources : ['[^\\s\\S]']);
  return { playbooks, refs, gate, set };
}

/** A literal as RE2 source. Not \Q…\E: node-re2 rewrites a `/` inside it to `\/`. */
export function escapeLiteral(literal: string): string {
  return literal.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}

const NEWLINE = 0x0a;
const MIN_LITERAL_BYTES = 3;

/** Every line of `text` that matches at least one pattern, with the patterns it matches. */
export function scanLines(index: PatternIndex, text: Buffer): LineHit[] {
  const hits: LineHit[] = [];
  const gate = index.gate;
  gate.lastIndex = 0;
  for (;;) {
    const m = gate.exec(text);
    if (!m) break;
    // With a Buffer, RE2 reports offsets in bytes.
    const at = m.index;
    const start = at === 0 ? 0 : text.lastIndexOf(NEWLINE, at - 1) + 1;
    let end = text.indexOf(NEWLINE, at);
    if (end < 0) end = text.length;
    const patterns = index.set.match(text.subarray(start, end));
    if (patterns.length) hits.push({ start, end, patterns: patterns.sort((a, b) => a - b) });
    if (end >= text.length) break;
    gate.lastIndex = end + 1;
  }
  return hits;
}
