// `diagnose --live`: the paste's diagnosis, then live checks on its targets (only those
// TLSDOC_PROBE_ALLOW allows, unless the user passed --probe-any), merged into it.
import { lookup } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { runLiveChecks } from '../checks/runLiveChecks.js';
import type { Config } from '../config.js';
import type { Diagnosis } from '../core/diagnosis/model.js';
import { withLiveResults } from '../core/live/merge.js';
import type { LiveDiagnosis } from '../core/live/model.js';
import { TlsEndpointProbe } from '../probe/tlsEndpointProbe.js';
import { readTrustStore } from './certificateInputs.js';

export interface LiveOptions {
  probeAny: boolean;
  ca?: string;
  timeoutMs: number;
}

export async function liveDiagnosis(d: Diagnosis, o: LiveOptions, io: { stdin: Readable; config: Config; notes: (s: string) => void }): Promise<LiveDiagnosis> {
  const trust = await readTrustStore(o.ca, { stdin: io.stdin, maxBytes: io.config.maxInputBytes, notes: io.notes });
  const results = await runLiveChecks(d, {
    probe: new TlsEndpointProbe(),
    allowList: io.config.probeAllow,
    allowAny: o.probeAny,
    resolve: async (host) => (await lookup(host, { all: true })).map((a) => a.address),
    caBundle: trust.store,
    now: new Date(),
    timeoutMs: o.timeoutMs,
  });
  return withLiveResults(d, results);
}
