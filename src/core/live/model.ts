// Live check results attached to a Diagnosis: what each check a playbook asked for found
// on the real endpoint, and whether that confirms the playbook's hypothesis.
import type { Finding } from '../certificate/finding.js';
import type { Diagnosis, Match } from '../diagnosis/model.js';
import type { CheckKind } from '../playbook/checkKinds.js';

export type LiveStatus =
  /** The endpoint shows the problem the playbook names. */
  | 'confirmed'
  /** The endpoint does not show it (fixed since, or another cause). */
  | 'refuted'
  /** The check ran but cannot decide this category; its message says what it saw. */
  | 'inconclusive'
  /** The check could not get its facts (endpoint unreachable, handshake failed before the chain). */
  | 'failed'
  /** The check did not run (not allowed, no target in the paste, no adapter, out of time). */
  | 'skipped';

export interface LiveCheckResult {
  check: CheckKind;
  status: LiveStatus;
  /** What it found, in a sentence: "10.0.0.5:2379 serves CN=etcd (SANs …); … add IP SAN 10.186.44.42". */
  message: string;
  /** `host:port` it looked at, when it got that far. */
  target: string | null;
  findings: Finding[];
}

export type LiveMatch = Match & { live?: LiveCheckResult[] };

export interface LiveDiagnosis extends Omit<Diagnosis, 'matches'> {
  matches: LiveMatch[];
}
