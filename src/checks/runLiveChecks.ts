// The gather step for live checks: for the best matches of a Diagnosis, decide whether
// their target may be probed, probe each target once (with a deadline), assess what came
// back, and let every check the playbook asked for read it. Returns one result list per
// match (undefined where no check applies); withLiveResults (core) attaches them.
import type { TrustStore } from '../core/certificate/trustStore.js';
import type { Diagnosis, Match } from '../core/diagnosis/model.js';
import type { LiveCheckResult } from '../core/live/model.js';
import type { CheckKind } from '../core/playbook/checkKinds.js';
import { decideProbe, type ProbeAllowList } from '../core/policy/probeAllowList.js';
import { assessEndpoint } from '../core/probe/assessEndpoint.js';
import { hostPort } from '../core/probe/endpointAddress.js';
import type { EndpointProbe, ProbeRequest } from '../core/probe/port.js';
import type { ProbedEndpoint } from './liveCheck.js';
import { liveCheckFor } from './registry.js';

export interface LiveCheckOptions {
  probe: EndpointProbe;
  allowList: ProbeAllowList;
  /** The user asked to probe the paste's target whatever the allow-list says (CLI --probe-any). */
  allowAny: boolean;
  /** Addresses a host name resolves to (for allow-list ranges); may reject. */
  resolve(host: string): Promise<string[]>;
  caBundle: TrustStore | null;
  now: Date;
  /** Deadline of each probe (and of each name resolution). */
  timeoutMs: number;
  /** Only this many matches, best first, get live checks. */
  maxMatches?: number;
}

type Plan = { kind: 'probe'; key: string; request: ProbeRequest; verifyName: string; label: string } | { kind: 'skip'; message: string };

export async function runLiveChecks(d: Diagnosis, o: LiveCheckOptions): Promise<(LiveCheckResult[] | undefined)[]> {
  const chosen = d.matches.slice(0, o.maxMatches ?? 3);
  const kindsOf = chosen.map(checksOf);
  const plans = await Promise.all(chosen.map((m, i) => planProbe(m, kindsOf[i] as CheckKind[], o)));
  const requests = new Map<string, Plan & { kind: 'probe' }>();
  chosen.forEach((m, i) => {
    const plan = plans[i] as Plan;
    if (plan.kind !== 'probe') return;
    const shared = requests.get(plan.key) ?? plan; // one probe per target, whatever asks for it
    requests.set(plan.key, shared);
    if ((kindsOf[i] as CheckKind[]).some((k) => liveCheckFor(k)?.comparesSni)) shared.request.alternateSni = alternateSni(m, plan.request.sni);
  });
  const probed = new Map<string, ProbedEndpoint | Error>();
  await Promise.all(
    [...requests.values()].map(async (plan) => {
      try {
        const result = await o.probe.probe(plan.request);
        probed.set(plan.key, { label: plan.label, assessment: assessEndpoint(result, { now: o.now, caBundle: o.caBundle, verifyName: plan.verifyName }) });
      } catch (e) {
        probed.set(plan.key, e as Error); // a probe reports failures as results; this is a bug, kept out of the answer's way
      }
    }),
  );
  return d.matches.map((m, i) => {
    const kinds = kindsOf[i] ?? []; // matches beyond the chosen ones get no live checks
    if (!kinds.length) return undefined;
    const plan = plans[i] as Plan;
    return kinds.map((kind) => runOne(kind, m, plan, plan.kind === 'probe' ? probed.get(plan.key) : undefined));
  });
}

/** The checks a match asked for, and those its ties name (they tell the categories apart). */
function checksOf(m: Match): CheckKind[] {
  return [...new Set([...m.checks, ...m.ties.flatMap((t) => (t.check ? [t.check] : []))])];
}

function runOne(kind: CheckKind, m: Match, plan: Plan, endpoint: ProbedEndpoint | Error | undefined): LiveCheckResult {
  const check = liveCheckFor(kind);
  if (!check) return { check: kind, status: 'skipped', message: 'needs access to the cluster, which this tlsdoc does not have yet', target: null, findings: [] };
  if (plan.kind === 'skip' || !endpoint) return { check: kind, status: 'skipped', message: plan.kind === 'skip' ? plan.message : 'not probed', target: null, findings: [] };
  if (endpoint instanceof Error) return { check: kind, status: 'failed', message: `the probe failed: ${endpoint.message}`, target: plan.label, findings: [] };
  const status = endpoint.assessment.endpoint.status;
  if (status === 'connect-error' || status === 'timeout') {
    return { check: kind, status: 'failed', message: `could not check: ${endpoint.assessment.endpoint.summary}`, target: endpoint.label, findings: [] };
  }
  const j = check.check({ match: m, endpoint });
  return { check: kind, status: j.status, message: j.message, target: endpoint.label, findings: j.findings };
}

async function planProbe(m: Match, kinds: CheckKind[], o: LiveCheckOptions): Promise<Plan> {
  if (!kinds.some((k) => liveCheckFor(k))) return { kind: 'skip', message: 'no live check applies' };
  const t = m.entities.target;
  if (!t.host && !t.ip) return { kind: 'skip', message: 'the paste names no endpoint to probe; run tlsdoc check endpoint HOST:PORT' };
  if (t.port === null) return { kind: 'skip', message: `the paste names ${t.host ?? t.ip} but no port; run tlsdoc check endpoint ${t.host ?? t.ip}:PORT` };
  const target = { host: t.host, ip: t.ip, port: t.port };
  let decision = o.allowAny ? ({ allowed: true, dial: (t.ip ?? t.host) as string, sni: t.host, entry: '--probe-any' } as const) : decideProbe(o.allowList, target);
  if (!decision.allowed && decision.resolve) {
    const addresses = await withDeadline(o.resolve(decision.resolve), o.timeoutMs).catch(() => []);
    decision = decideProbe(o.allowList, target, addresses);
  }
  if (!decision.allowed) return { kind: 'skip', message: `not probed: ${decision.reason} (allow it in TLSDOC_PROBE_ALLOW, or pass --probe-any on the command line)` };
  const sni = decision.sni;
  const verifyName = t.host ?? (t.ip as string);
  const label = hostPort(decision.dial, t.port) + (sni && sni !== decision.dial ? ` (SNI ${sni})` : '');
  return { kind: 'probe', key: JSON.stringify([decision.dial, t.port, sni, verifyName]), verifyName, label, request: { host: decision.dial, port: t.port, sni, timeoutMs: o.timeoutMs } };
}

/** The other SNI choice: none when the probe sends one, else a name the paste gives. */
function alternateSni(m: Match, sni: string | null): string | null | undefined {
  if (sni !== null) return null;
  return m.entities.sni[0] ?? undefined;
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('deadline passed')), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
