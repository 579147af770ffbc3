// Options and small pieces several commands share, so each is spelled once.
import { Option } from 'commander';
import type { Writable } from 'node:stream';
import { TlsdocError } from '../core/errors.js';

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text');
}

/** `--timeout` in milliseconds, or the configured default. */
export function timeoutMs(raw: string | undefined, fallback: number): number {
  const ms = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new TlsdocError('USAGE', `--timeout must be a positive whole number of milliseconds, got "${raw}"`);
  return ms;
}

/** Notes go to stderr so stdout stays exactly the report (JSON stays parseable). */
export function noteWriter(stderr: Writable): (note: string) => void {
  return (note) => stderr.write(`note: ${note}\n`);
}
