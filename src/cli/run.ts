// Runs the `tlsdoc` command line and returns its exit code. The only place that decides exit codes: 0 success (also when
// nothing matched), 1 internal error, 2 usage error, 3 playbook lint problems,
// 4 playbook examples failing.
import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { buildProgram, EXIT, ExitWith } from './program.js';
import { readConfig } from '../config.js';
import { TlsdocError } from '../core/errors.js';

const USAGE_CODES = new Set(['USAGE', 'PLAYBOOK_NOT_FOUND', 'INPUT_TOO_LARGE', 'CERTIFICATE_NOT_FOUND', 'CERTIFICATE_INVALID', 'PRIVATE_KEY_INVALID', 'ENDPOINT_INVALID', 'PROBE_POLICY_INVALID']);

export async function runCli(argv: string[]): Promise<number> {
  try {
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const program = buildProgram({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, config: readConfig(), version });
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ExitWith) return e.exitCode;
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof TlsdocError) {
      process.stderr.write(`tlsdoc: ${e.message}\n`);
      return USAGE_CODES.has(e.code) ? EXIT.usage : EXIT.internal;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      process.stderr.write(`tlsdoc: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`tlsdoc: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

