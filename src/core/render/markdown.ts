// Markdown rendering (tickets, post-mortems, GitHub comments).
import type { LiveDiagnosis } from '../live/model.js';
import { CAPABILITIES, NO_MATCH_HEADLINE } from './capabilities.js';
import { groupSkipped } from './liveLines.js';

const fence = (text: string, lang = '') => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
};

export function renderMarkdown(d: LiveDiagnosis): string {
  const out: string[] = [];
  for (const note of d.notes) out.push(`> note: ${note}`, '');
  if (d.matches.length === 0) return [...out, `**${NO_MATCH_HEADLINE}**`, '', CAPABILITIES, ''].join('\n');
  for (const m of d.matches) {
    out.push(`## ${m.title}`, '', `**${m.category}** · confidence ${m.confidence.toFixed(2)} · playbook \`${m.playbook}\``, '', m.summary, '');
    const t = m.entities.target;
    if (t.host || t.ip) out.push(`- **Target:** ${[t.host, t.ip].filter(Boolean).join(' / ')}${t.port !== null ? `, port ${t.port}` : ''}`);
    if (m.entities.cert_dns_names.length || m.entities.cert_ips.length) out.push(`- **Certificate covers:** ${[...m.entities.cert_dns_names, ...m.entities.cert_ips].join(', ')}`);
    out.push('', '### Evidence', '', fence(m.evidence.map((e) => `${e.line}: ${e.text}`).join('\n')), '', '### Why', '', m.diagnosis, '', '### Fix', '');
    m.fixes.forEach((f, i) => out.push(`${i + 1}. ${f.title}`, '', fence(f.commands, 'sh'), ''));
    out.push('### Verify', '', fence(m.verify, 'sh'), '');
    for (const tie of m.ties) out.push(`> Could also be **${tie.category}** (\`${tie.playbook}\`).${tie.check ? ` Live check \`${tie.check}\` tells them apart: ${tie.how ?? ''}` : ''}`, '');
    if (m.live) out.push('### Live checks', '', ...groupSkipped(m.live).map((r) => `- **${r.status}** \`${r.check}\`${r.target ? ` (${r.target})` : ''}: ${r.message}`), '');
    out.push('References: ' + m.references.map((r) => `<${r}>`).join(' '), '');
  }
  return out.join('\n');
}
