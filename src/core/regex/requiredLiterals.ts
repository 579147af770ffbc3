// Required literals of a pattern: a set of strings such that every match of the pattern
// contains at least one of them. The matcher's first stage searches for these literals
// only; an alternation of a few hundred literals stays a small automaton in RE2's DFA,
// while an alternation of a few hundred full patterns (with `.*`, classes, counters)
// overflows the DFA's memory and drops RE2 to its slower NFA.
//
// This reads the RE2 syntax playbooks use. Anything it does not understand counts as
// "matches anything", which only makes the result weaker, never wrong.

const MAX_SET = 64;
const MAX_LEN = 64;
// Any substring of a required literal is required too. Cutting literals to this length
// loses little selectivity and keeps the first stage's automaton small (shared prefixes
// such as `urn:ietf:params:acme:error:` collapse into one literal).
const KEEP = 16;

interface Info {
  /** Every string the node can match, when that set is small and finite. */
  exact?: Set<string>;
  /** One of these occurs in every match; undefined: no guarantee. */
  must?: Set<string>;
}

const ANY: Info = {};
const EMPTY: Info = { exact: new Set(['']) };

/** Lower-cased literals one of which every match contains, or undefined if none are known. */
export function requiredLiterals(pattern: string): string[] | undefined {
  let info: Info;
  try {
    info = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  const set = best([info.must, nonEmpty(info.exact)]);
  return set ? [...new Set([...set].map((l) => l.slice(0, KEEP)))] : undefined;
}

function nonEmpty(s: Set<string> | undefined): Set<string> | undefined {
  return s && s.size > 0 && [...s].every((x) => x.length > 0) ? s : undefined;
}

function score(s: Set<string>): number {
  const distinct = new Set([...s].map((x) => x.slice(0, KEEP))).size;
  return Math.min(KEEP, ...[...s].map((x) => x.length)) * 1000 - distinct;
}

function best(candidates: (Set<string> | undefined)[]): Set<string> | undefined {
  let winner: Set<string> | undefined;
  for (const c of candidates) if (c && (!winner || score(c) > score(winner))) winner = c;
  return winner;
}

function cross(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_SET) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) {
    if (x.length + y.length > MAX_LEN) return undefined;
    out.add(x + y);
  }
  return out;
}

function alternation(branches: Info[]): Info {
  const exact = branches.every((b) => b.exact) ? new Set(branches.flatMap((b) => [...(b.exact as Set<string>)])) : undefined;
  const musts = branches.map((b) => best([b.must, nonEmpty(b.exact)]));
  const must = musts.every(Boolean) ? new Set(musts.flatMap((m) => [...(m as Set<string>)])) : undefined;
  return { exact: exact && exact.size <= MAX_SET ? exact : undefined, must: must && must.size <= MAX_SET ? must : undefined };
}

function concatenation(items: Info[]): Info {
  const candidates: (Set<string> | undefined)[] = [];
  // `run`: the strings the current stretch of exact items spells, joined.
  let run = new Set(['']);
  let whole: Set<string> | undefined = new Set(['']);
  for (const item of items) {
    if (item.exact) {
      const next = cross(run, item.exact);
      if (next) run = next;
      else {
        candidates.push(nonEmpty(run));
        run = new Set(item.exact);
      }
      whole = whole ? cross(whole, item.exact) : undefined;
    } else {
      candidates.push(nonEmpty(run), item.must);
      run = new Set(['']);
      whole = undefined;
    }
  }
  candidates.push(nonEmpty(run));
  return { exact: whole, must: best(candidates) };
}

function repeat(item: Info, min: number, max: number): Info {
  if (min === 0) return max === 1 && item.exact ? { exact: new Set([...item.exact, '']) } : ANY;
  if (min === 1 && max === 1) return item;
  return { must: best([item.must, nonEmpty(item.exact)]) };
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]}`);
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Info) : alternation(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return concatenation(items);
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same language
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const c = this.src[this.i++] as string;
    if (c === '(') {
      if (this.src[this.i] === '?') {
        const m = /^\?(?::|P?<[A-Za-z_]\w*>|[imsU-]+:?)/.exec(this.src.slice(this.i));
        if (!m) throw new Error('group syntax');
        this.i += m[0].length;
        if (m[0].endsWith(':') || m[0].includes('<')) {
          const inner = this.alternation();
          this.expect(')');
          return inner;
        }
        // A bare flag group like (?i): changes no literal (matching is case-insensitive).
        this.expect(')');
        return EMPTY;
      }
      const inner = this.alternation();
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.characterClass();
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') return this.escape();
    return { exact: new Set([c.toLowerCase()]) };
  }

  private escape(): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    if ('bBAzZ'.includes(c)) return EMPTY;
    if ('dDsSwWpPntrfvx'.includes(c) || /[0-9]/.test(c)) {
      if (c === 'p' || c === 'P') this.skipUnicodeClass();
      if (c === 'x') this.skipHex();
      return ANY;
    }
    if (c === 'Q') {
      const end = this.src.indexOf('\\E', this.i);
      const text = this.src.slice(this.i, end < 0 ? undefined : end);
      this.i = end < 0 ? this.src.length : end + 2;
      return { exact: new Set([text.toLowerCase()]) };
    }
    return { exact: new Set([c.toLowerCase()]) };
  }

  private skipUnicodeClass(): void {
    if (this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
    else this.i++;
  }

  private skipHex(): void {
    if (this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
    else this.i += 2;
  }

  /** A small class of plain characters is a set of one-character strings; else anything. */
  private characterClass(): Info {
    const chars = new Set<string>();
    let plain = this.src[this.i] !== '^';
    if (!plain) this.i++;
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let c = this.src[this.i++] as string;
      if (c === '\\') {
        const e = this.src[this.i++] as string;
        if (/[A-Za-z0-9]/.test(e)) plain = false;
        c = e;
      } else if (c === '[' && this.src[this.i] === ':') {
        plain = false;
        this.i = this.src.indexOf(':]', this.i) + 2;
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        plain = false; // a range
        this.i += 2;
        if (this.src[this.i - 1] === '\\') this.i++;
        continue;
      }
      chars.add(c.toLowerCase());
    }
    this.expect(']');
    return plain && chars.size > 0 && chars.size <= 4 ? { exact: chars } : ANY;
  }

  private expect(c: string): void {
    if (this.src[this.i] !== c) throw new Error(`expected ${c}`);
    this.i++;
  }
}
