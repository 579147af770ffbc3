// Attaching live results to a Diagnosis. Pure. Live evidence outranks wording: a match the
// endpoint confirms moves ahead, one it only refutes moves behind, the rest keep their
// order; so a tie such as unknown-ca vs incomplete-chain is settled by the served chain.
import type { Diagnosis } from '../diagnosis/model.js';
import type { LiveCheckResult, LiveDiagnosis, LiveMatch } from './model.js';

export function withLiveResults(d: Diagnosis, results: ReadonlyArray<LiveCheckResult[] | undefined>): LiveDiagnosis {
  const matches: LiveMatch[] = d.matches.map((m, i) => (results[i] ? { ...m, live: results[i] } : m));
  const rank = (m: LiveMatch) => {
    const statuses = (m.live ?? []).map((r) => r.status);
    if (statuses.includes('confirmed')) return 0;
    return statuses.includes('refuted') ? 2 : 1;
  };
  const order = matches.map((m, i) => ({ m, i, r: rank(m) })).sort((a, b) => a.r - b.r || a.i - b.i);
  return { ...d, matches: order.map((x) => x.m) };
}
