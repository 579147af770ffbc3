// Structured logs (etcd/zap, Envoy JSON access logs, klog JSON, Docker json-file, any
// `{"msg": …}` logger) become one readable line: the message first, then key="value"
// pairs in the order the program wrote them. Playbook patterns are written for this form.

const MESSAGE_KEYS = ['msg', 'message', 'MESSAGE', 'log', 'Message'];
// A JSON object may follow a prefix that kubectl/stern/journald add: a timestamp, a
// `[pod/name/container]` tag, `name |`. Bounded so the search stays cheap on long lines.
const PREFIX_BEFORE_JSON = /^[^{]{0,200}?(?=\{")/;
const MAX_JSON_LINE = 1024 * 1024;

export function flattenJsonLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.endsWith('}') || trimmed.length > MAX_JSON_LINE) return undefined;
  let prefix = '';
  let body = trimmed;
  if (!trimmed.startsWith('{')) {
    const m = PREFIX_BEFORE_JSON.exec(trimmed);
    if (!m) return undefined;
    prefix = m[0];
    body = trimmed.slice(prefix.length);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const messageKey = MESSAGE_KEYS.find((k) => typeof record[k] === 'string');
  const parts: string[] = [];
  if (messageKey) parts.push((record[messageKey] as string).replace(/\n$/, ''));
  for (const [key, v] of Object.entries(record)) {
    if (key === messageKey) continue;
    parts.push(`${key}=${renderValue(v)}`);
  }
  return (prefix.trim() ? prefix.trim() + ' ' : '') + parts.join(' ');
}

function renderValue(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null || typeof v !== 'object') return String(v);
  return JSON.stringify(v);
}
