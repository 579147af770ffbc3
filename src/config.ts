// Configuration read once at start-up from the environment, validated, then passed in.
// Nothing below src/cli and src/main reads process.env.
import { TlsdocError } from './core/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from './core/normalise/normalise.js';
import { BUNDLED_PLAYBOOKS_DIR } from './playbookFiles/loadPlaybooks.js';

export interface Config {
  playbooksDir: string;
  maxInputBytes: number;
  color: boolean | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rawMax = env.TLSDOC_MAX_INPUT_BYTES;
  const maxInputBytes = rawMax === undefined || rawMax === '' ? DEFAULT_MAX_INPUT_BYTES : Number(rawMax);
  if (!Number.isInteger(maxInputBytes) || maxInputBytes <= 0) {
    throw new TlsdocError('USAGE', `TLSDOC_MAX_INPUT_BYTES must be a positive whole number of bytes, got "${rawMax}"`);
  }
  const color = env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' ? true : undefined;
  return { playbooksDir: env.TLSDOC_PLAYBOOKS || BUNDLED_PLAYBOOKS_DIR, maxInputBytes, color };
}
