// Does what a live check saw confirm the playbook's hypothesis? The shared rule: an error
// of the match's category confirms it; a check that can decide the category and saw no
// such error refutes it; a check that cannot decide it only reports what it saw.
import type { Finding } from '../certificate/finding.js';
import type { Match } from '../diagnosis/model.js';
import type { Category } from '../taxonomy.js';
import type { LiveStatus } from './model.js';

export interface Judgement {
  status: LiveStatus;
  message: string;
  findings: Finding[];
}

/**
 * `observed`: what the check saw, as a clause ("10.0.0.5:2379 serves CN=etcd …").
 * `findings`: the findings this check is about (already narrowed to its concern).
 * When the endpoint shows another category, one the match is tied with is named first.
 */
export function judge(match: Pick<Match, 'category' | 'ties'>, decides: readonly Category[], observed: string, findings: Finding[]): Judgement {
  const category = match.category;
  const errors = findings.filter((f) => f.severity === 'error');
  const hit = errors.find((f) => f.category === category);
  if (hit) return { status: 'confirmed', message: `${observed}; ${lowerFirst(hit.message)}`, findings };
  const other = errors.find((f) => match.ties.some((t) => t.category === f.category)) ?? errors[0];
  const instead = other ? `; it shows ${other.category} instead: ${lowerFirst(other.message)}` : '';
  if (!decides.includes(category)) return { status: 'inconclusive', message: `${observed}${instead}`, findings };
  return { status: 'refuted', message: `${observed}; no ${category} there now${instead}`, findings };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);
