// Terminal rendering (the CLI and the local shell), with colour only when asked.
import type { LiveDiagnosis, LiveMatch, LiveStatus } from '../live/model.js';
import { groupSkipped } from './liveLines.js';
import { CAPABILITIES, NO_MATCH_HEADLINE } from './capabilities.js';

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const ANSI_STYLE: TextStyle = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
const id = (s: string) => s;
export const PLAIN_STYLE: TextStyle = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id };

/** Indents every non-empty line. */
export const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

export function renderText(d: LiveDiagnosis, style: TextStyle = PLAIN_STYLE): string {
  const out: string[] = [];
  for (const note of d.notes) out.push(style.yellow(`note: ${note}`));
  if (d.matches.length === 0) {
    out.push(style.bold(NO_MATCH_HEADLINE), CAPABILITIES);
    return out.join('\n') + '\n';
  }
  d.matches.forEach((m, i) => {
    if (i > 0) out.push('', style.dim('─'.repeat(60)), '');
    out.push(...renderMatch(m, i, d.matches.length, style));
  });
  return out.join('\n') + '\n';
}

function renderMatch(m: LiveMatch, i: number, n: number, s: TextStyle): string[] {
  const out: string[] = [];
  const head = n > 1 ? `[${i + 1}/${n}] ` : '';
  out.push(`${head}${s.bold(s.red(m.category))} ${s.dim(`confidence ${m.confidence.toFixed(2)} · playbook ${m.playbook}`)}`);
  out.push(s.bold(m.title));
  out.push(m.summary, '');
  const t = m.entities.target;
  const target = [t.host, t.ip && t.host ? `(${t.ip})` : t.ip, t.port !== null ? `port ${t.port}` : null].filter(Boolean).join(' ');
  if (target) out.push(`${s.bold('Target:')} ${target}`);
  if (m.entities.cert_dns_names.length || m.entities.cert_ips.length) out.push(`${s.bold('Certificate covers:')} ${[...m.entities.cert_dns_names, ...m.entities.cert_ips].join(', ')}`);
  if (m.entities.software.length) out.push(`${s.bold('Seen in:')} ${m.entities.software.join(', ')}`);
  out.push('', s.bold('Evidence'));
  for (const e of m.evidence) out.push(`  ${s.dim(`line ${e.line}:`)} ${e.text}`);
  out.push('', s.bold('Why'), indent(m.diagnosis, '  '));
  out.push('', s.bold('Fix'));
  m.fixes.forEach((f, k) => out.push(`  ${k + 1}. ${f.title}`, s.cyan(indent(f.commands, '       '))));
  out.push('', s.bold('Verify'), s.cyan(indent(m.verify, '       ')));
  for (const tie of m.ties) {
    out.push('', s.yellow(`Could also be ${tie.category} (playbook ${tie.playbook}).`) + (tie.check ? ` Tell them apart with the live check ${tie.check}: ${tie.how ?? ''}` : ''));
  }
  if (m.live) {
    out.push('', s.bold('Live checks'));
    for (const r of groupSkipped(m.live)) out.push(`  ${statusStyle(r.status, s)(r.status)} ${r.check}${r.target ? s.dim(` (${r.target})`) : ''}: ${r.message}`);
  } else if (m.checks.length) out.push('', s.dim(`Live checks for this playbook: ${m.checks.join(', ')}`));
  out.push(s.dim(`References: ${m.references.join(' ')}`));
  return out;
}

function statusStyle(status: LiveStatus, s: TextStyle): (x: string) => string {
  return { confirmed: s.green, refuted: s.yellow, inconclusive: s.cyan, failed: s.red, skipped: s.dim }[status];
}
