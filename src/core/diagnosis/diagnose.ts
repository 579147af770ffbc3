// diagnose(paste) → Diagnosis: normalise, scan with every playbook, extract entities,
// score, rank, and fill the fix templates. Pure and synchronous; live facts come later
// through the checks, never from here.
import { extractEntities, type Entities } from '../entities/extract.js';
import { canonicalIP, isIP } from '../entities/addresses.js';
import { classifyTarget, mergeTarget, targetInLine } from '../entities/target.js';
import { scanLines, type PatternIndex } from '../match/scanner.js';
import { normalisePaste, type NormalisedLine, type NormaliseOptions } from '../normalise/normalise.js';
import type { CompiledPlaybook } from '../playbook/parse.js';
import { renderTemplate } from '../playbook/template.js';
import type { Diagnosis, Evidence, Match, Tie } from './model.js';
import { templateValues } from './templateValues.js';

/** Matches below this confidence are not reported. */
export const MIN_CONFIDENCE = 0.3;
/** Two categories whose confidences are this close on the same evidence are a tie. */
const TIE_MARGIN = 0.1;
const MAX_EVIDENCE = 5;
const MAX_EVIDENCE_CHARS = 400;

export type DiagnoseOptions = NormaliseOptions;

interface Candidate {
  playbook: CompiledPlaybook;
  /** Line indices (into the normalised lines) with the patterns matched on each. */
  lines: Map<number, number[]>;
}

export function diagnose(index: PatternIndex, paste: string | Uint8Array, options: DiagnoseOptions = {}): Diagnosis {
  const normalised = normalisePaste(paste, options);
  const buffer = Buffer.from(normalised.text, 'utf8');
  const lineStarts = lineStartOffsets(normalised.lines);
  const candidates = new Map<number, Candidate>();
  for (const hit of scanLines(index, buffer)) {
    const lineIndex = lineAt(lineStarts, hit.start);
    for (const refIndex of hit.patterns) {
      const ref = index.refs[refIndex];
      if (!ref) continue;
      let c = candidates.get(ref.playbook);
      if (!c) candidates.set(ref.playbook, (c = { playbook: index.playbooks[ref.playbook] as CompiledPlaybook, lines: new Map() }));
      const list = c.lines.get(lineIndex) ?? [];
      list.push(ref.pattern);
      c.lines.set(lineIndex, list);
    }
  }
  const entities = extractEntities(normalised.text);
  const targets = candidates.size ? targetsInPaste(normalised.lines) : [];
  const matches = [...candidates.values()]
    .map((c) => scoreCandidate(c, normalised.lines, normalised.text, entities, targets))
    .filter((m) => m.confidence >= MIN_CONFIDENCE);
  return { matches: rank(matches, index), entities, notes: normalised.notes, lines: normalised.lines.length };
}

function scoreCandidate(c: Candidate, lines: NormalisedLine[], text: string, global: Entities, pasteTargets: PartialTarget[]): Match {
  const pb = c.playbook.playbook;
  const lineIndices = [...c.lines.keys()].sort((a, b) => a - b);
  const patternsSeen = new Set<number>();
  let weight = 0;
  for (const pats of c.lines.values())
    for (const p of pats) {
      patternsSeen.add(p);
      weight = Math.max(weight, c.playbook.match[p]?.weight ?? 0);
    }
  let confidence = weight + 0.03 * (patternsSeen.size - 1);
  for (const ctx of c.playbook.context) if (ctx.regex.test(text)) confidence += ctx.boost;
  confidence = Math.round(Math.min(0.99, Math.max(0, confidence)) * 100) / 100;

  const entities = structuredClone(global);
  const captured: Record<string, string> = {};
  const evidence: Evidence[] = [];
  for (const li of lineIndices) {
    const line = lines[li] as NormalisedLine;
    let at = 0;
    for (const p of c.lines.get(li) ?? []) {
      const m = c.playbook.match[p]?.regex.exec(line.text);
      if (!m) continue;
      at = m.index;
      for (const [k, v] of Object.entries(m.groups ?? {})) if (v && !(k in captured)) captured[k] = v;
    }
    if (evidence.length < MAX_EVIDENCE) evidence.push({ line: line.line, text: excerpt(line.text, at) });
  }
  for (const cap of c.playbook.captures) {
    const m = cap.regex.exec(text);
    for (const [k, v] of Object.entries(m?.groups ?? {})) if (v && !(k in captured)) captured[k] = v;
  }
  applyCaptures(entities, captured);

  let target = mergeTarget(captureTarget(captured), undefined);
  for (const li of lineIndices) {
    const fromLine = targetInLine((lines[li] as NormalisedLine).text);
    if (fromLine) {
      target = mergeTarget(target, fromLine);
      break;
    }
  }
  // Nothing on the evidence lines: the first endpoint the paste names. Then other lines
  // about the same endpoint complete it (curl's `Connected to host (ip) port 443`).
  if (!target.host && !target.ip) target = mergeTarget(pasteTargets[0], undefined);
  for (const t of pasteTargets) target = mergeTarget(target, t);
  entities.target = target;
  if (target.host && !entities.hosts.includes(target.host)) entities.hosts.unshift(target.host);
  if (target.ip && !entities.ips.includes(target.ip)) entities.ips.unshift(target.ip);
  if (target.port !== null && !entities.ports.includes(target.port)) entities.ports.unshift(target.port);

  const values = templateValues(entities);
  return {
    playbook: pb.id,
    category: pb.category,
    confidence,
    title: pb.title,
    summary: renderTemplate(pb.summary, values).trim(),
    diagnosis: renderTemplate(pb.diagnosis, values).trim(),
    evidence,
    entities,
    fixes: pb.fixes.map((f) => ({ title: renderTemplate(f.title, values), commands: renderTemplate(f.commands, values).replace(/\s+$/, '') })),
    verify: renderTemplate(pb.verify, values).trim(),
    references: pb.references,
    checks: pb.checks,
    ties: [],
  };
}

function captureTarget(captured: Record<string, string>): ReturnType<typeof targetInLine> {
  const t: { host?: string; ip?: string; port?: number } = {};
  // A capture that is not an address (a redacted `9.165.x.x`, a placeholder) names no target.
  const usable = (v: string | undefined) => {
    const c = v === undefined ? '' : classified(v);
    return isIP(c) || (/^[a-z0-9_*][a-z0-9_.*-]{0,252}$/i.test(c) && !REDACTED_ADDRESS.test(c));
  };
  if (usable(captured.target)) Object.assign(t, classifyTarget(captured.target as string));
  if (usable(captured.target_host)) Object.assign(t, classifyTarget(captured.target_host as string));
  if (captured.target_ip && isIP(captured.target_ip)) t.ip = canonicalIP(captured.target_ip);
  if (captured.port && Number(captured.port) <= 65535) t.port = Number(captured.port);
  return t.host || t.ip ? t : undefined;
}

const REDACTED_ADDRESS = /^[\dx*]{1,3}(?:\.[\dx*]{1,3}){3}$/i;

function classified(v: string): string {
  const t = classifyTarget(v);
  return t.ip ?? t.host ?? '';
}

function applyCaptures(e: Entities, captured: Record<string, string>): void {
  const front = (list: string[], v: string) => {
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
    list.unshift(v);
  };
  for (const [k, raw] of Object.entries(captured)) {
    const v = raw.replace(/^["']|["',.;]+$/g, '');
    if (k === 'host') front(e.hosts, v.toLowerCase());
    else if (k === 'ip' && isIP(v)) front(e.ips, canonicalIP(v));
    else if (k === 'sni') front(e.sni, v.toLowerCase());
    else if (k === 'url') front(e.urls, v);
    else if (k === 'namespace') front(e.namespaces, v);
    else if (k === 'service') front(e.services, v);
    else if (k === 'pod') front(e.pods, v);
    else if (k === 'secret') front(e.secrets, v);
    else if (k === 'certificate') front(e.certificates, v);
    else if (k === 'issuer') front(e.issuers, v);
    else if (k === 'cert_names') {
      for (const item of raw.split(/[,\s]+/)) {
        const name = item.replace(/^(?:DNS:|IP(?: Address)?:)/i, '').replace(/^["'[]+|["'\].;]+$/g, '');
        if (!name) continue;
        if (isIP(name)) {
          if (!e.cert_ips.includes(canonicalIP(name))) e.cert_ips.push(canonicalIP(name));
        } else if (/^[*a-z0-9][a-z0-9.*-]*$/i.test(name) && !e.cert_dns_names.includes(name.toLowerCase())) e.cert_dns_names.push(name.toLowerCase());
      }
    }
  }
}

/** Best first; drops a match whose evidence a better match of the same category already covers. */
function rank(matches: Match[], index: PatternIndex): Match[] {
  const sorted = [...matches].sort(
    (a, b) => b.confidence - a.confidence || b.evidence.length - a.evidence.length || (a.evidence[0]?.line ?? 0) - (b.evidence[0]?.line ?? 0) || a.playbook.localeCompare(b.playbook),
  );
  const kept: Match[] = [];
  for (const m of sorted) {
    const lines = new Set(m.evidence.map((e) => e.line));
    const covered = kept.some((k) => k.category === m.category && [...lines].every((l) => k.evidence.some((e) => e.line === l)));
    if (!covered) kept.push(m);
  }
  const byId = new Map(index.playbooks.map((p) => [p.playbook.id, p.playbook]));
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i] as Match;
    for (let j = i + 1; j < kept.length; j++) {
      const b = kept[j] as Match;
      if (b.category === a.category || a.confidence - b.confidence > TIE_MARGIN) continue;
      if (!b.evidence.some((e) => a.evidence.some((x) => x.line === e.line))) continue;
      if (a.ties.some((t) => t.category === b.category)) continue;
      const hint = byId.get(a.playbook)?.distinguish.find((d) => d.category === b.category) ?? byId.get(b.playbook)?.distinguish.find((d) => d.category === a.category);
      const tie: Tie = { category: b.category, playbook: b.playbook, check: hint?.check ?? null, how: hint?.how ?? null };
      a.ties.push(tie);
    }
  }
  return kept;
}

type PartialTarget = NonNullable<ReturnType<typeof targetInLine>>;

/** Endpoints the paste names, in order (bounded: the first 5000 lines, 50 endpoints). */
function targetsInPaste(lines: NormalisedLine[]): PartialTarget[] {
  const found: PartialTarget[] = [];
  for (let i = 0; i < lines.length && i < 5000 && found.length < 50; i++) {
    const t = targetInLine((lines[i] as NormalisedLine).text);
    if (t) found.push(t);
  }
  return found;
}

function lineStartOffsets(lines: NormalisedLine[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += Buffer.byteLength(l.text, 'utf8') + 1;
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function excerpt(text: string, at: number): string {
  const t = text.trim();
  if (t.length <= MAX_EVIDENCE_CHARS) return t;
  const start = Math.max(0, Math.min(at - 120, text.length - MAX_EVIDENCE_CHARS));
  return (start > 0 ? '…' : '') + text.slice(start, start + MAX_EVIDENCE_CHARS).trim() + (start + MAX_EVIDENCE_CHARS < text.length ? '…' : '');
}
