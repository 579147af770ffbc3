// `diagnose --format json`: the documented shape, best match first. A match gains `live`
// only when live checks ran.
import type { LiveDiagnosis } from '../live/model.js';

export function renderJson(d: LiveDiagnosis): string {
  return JSON.stringify({
    matches: d.matches.map((m) => ({
      playbook: m.playbook,
      category: m.category,
      confidence: m.confidence,
      title: m.title,
      summary: m.summary,
      evidence: m.evidence,
      entities: m.entities,
      fixes: m.fixes,
      verify: m.verify,
      diagnosis: m.diagnosis,
      checks: m.checks,
      ties: m.ties,
      references: m.references,
      ...(m.live ? { live: m.live } : {}),
    })),
  });
}
