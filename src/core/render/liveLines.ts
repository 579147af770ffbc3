// Live results as people read them: checks skipped for the same reason share one line
// (`cluster-secret-sans, cluster-ingress-tls: needs access to the cluster…`).
import type { LiveCheckResult } from '../live/model.js';

export interface LiveLine {
  status: LiveCheckResult['status'];
  check: string;
  target: string | null;
  message: string;
}

export function groupSkipped(results: LiveCheckResult[]): LiveLine[] {
  const out: LiveLine[] = [];
  for (const r of results) {
    const same = r.status === 'skipped' ? out.find((l) => l.status === 'skipped' && l.message === r.message) : undefined;
    if (same) same.check += `, ${r.check}`;
    else out.push({ status: r.status, check: r.check, target: r.target, message: r.message });
  }
  return out;
}
