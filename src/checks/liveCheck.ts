// One live check kind: what it can decide and how it reads an endpoint's assessment. The
// runner (runLiveChecks.ts) does everything shared: policy, probing once per target,
// deadlines, and the failures no check can do anything about.
import type { Judgement } from '../core/live/judge.js';
import type { Match } from '../core/diagnosis/model.js';
import type { CheckKind } from '../core/playbook/checkKinds.js';
import type { EndpointAssessment } from '../core/probe/assessEndpoint.js';
import type { Category } from '../core/taxonomy.js';

export interface ProbedEndpoint {
  /** `host:port` (and the SNI, when it differs), for messages. */
  label: string;
  assessment: EndpointAssessment;
}

export interface CheckContext {
  match: Match;
  endpoint: ProbedEndpoint;
}

export interface LiveCheck {
  kind: CheckKind;
  /** Categories whose hypothesis this check can confirm or refute. */
  decides: readonly Category[];
  /** The probe must also handshake with the other SNI choice. */
  comparesSni?: boolean;
  check(ctx: CheckContext): Judgement;
}
