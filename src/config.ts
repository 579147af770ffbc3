// Configuration read once at start-up from the environment, validated, then passed in.
// Nothing below src/cli and src/main reads process.env.
import { TlsdocError } from './core/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from './core/normalise/normalise.js';
import { parseProbeAllowList, type ProbeAllowList } from './core/policy/probeAllowList.js';
import { BUNDLED_PLAYBOOKS_DIR } from './playbookFiles/loadPlaybooks.js';

export const DEFAULT_PROBE_TIMEOUT_MS = 5000;

export interface Config {
  playbooksDir: string;
  maxInputBytes: number;
  color: boolean | undefined;
  /** Endpoints tlsdoc may probe on its own initiative (TLSDOC_PROBE_ALLOW). */
  probeAllow: ProbeAllowList;
  /** Deadline of one live probe (TLSDOC_PROBE_TIMEOUT_MS). */
  probeTimeoutMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const color = env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' ? true : undefined;
  return {
    playbooksDir: env.TLSDOC_PLAYBOOKS || BUNDLED_PLAYBOOKS_DIR,
    maxInputBytes: positiveInteger(env, 'TLSDOC_MAX_INPUT_BYTES', DEFAULT_MAX_INPUT_BYTES, 'bytes'),
    color,
    probeAllow: parseProbeAllowList(env.TLSDOC_PROBE_ALLOW),
    probeTimeoutMs: positiveInteger(env, 'TLSDOC_PROBE_TIMEOUT_MS', DEFAULT_PROBE_TIMEOUT_MS, 'milliseconds'),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, unit: string): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new TlsdocError('USAGE', `${name} must be a positive whole number of ${unit}, got "${raw}"`);
  return value;
}
