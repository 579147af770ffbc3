// What every check reports: one problem (or observation) about one certificate, tagged
// with its taxonomy category, in one sentence that says which value would fix it.
import type { Category } from '../taxonomy.js';
import type { CertificateFacts } from './facts.js';

export type Severity = 'error' | 'warning' | 'info';

export interface CertificateRef {
  index: number;
  subject: string;
}

export interface Finding {
  category: Exclude<Category, 'none'>;
  severity: Severity;
  /** The certificate it is about, or null when it is about the connection. */
  certificate: CertificateRef | null;
  message: string;
  /** Commands that apply the fix, filled in with the real names; null when there are none. */
  fix: string | null;
}

export function finding(category: Finding['category'], severity: Severity, about: CertificateFacts | null, message: string, fix: string | null = null): Finding {
  return { category, severity, certificate: about ? { index: about.index, subject: about.subject } : null, message, fix };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by certificate, keeping each check's own order otherwise. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || (a.f.certificate?.index ?? -1) - (b.f.certificate?.index ?? -1) || a.i - b.i)
    .map((x) => x.f);
}
