// Every live check tlsdoc can run, by kind. Adding one: a file beside this one and a line here.
import type { CheckKind } from '../core/playbook/checkKinds.js';
import type { LiveCheck } from './liveCheck.js';
import { probeClientAuth } from './probeClientAuth.js';
import { probeProtocol } from './probeProtocol.js';
import { probeServedChain } from './probeServedChain.js';
import { probeSniCompare } from './probeSniCompare.js';

export const LIVE_CHECKS: readonly LiveCheck[] = [probeServedChain, probeSniCompare, probeProtocol, probeClientAuth];

export function liveCheckFor(kind: CheckKind): LiveCheck | undefined {
  return LIVE_CHECKS.find((c) => c.kind === kind);
}
