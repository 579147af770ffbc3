// The `tlsdoc` command line. Commands translate arguments into calls of the core and
// print what it returns; exit codes are decided in one place (src/cli.ts).
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import { diagnose } from '../core/diagnosis/diagnose.js';
import { TlsdocError } from '../core/errors.js';
import type { PatternIndex } from '../core/match/scanner.js';
import { runPlaybookExamples } from '../core/playbook/examples.js';
import { formatProblem } from '../core/playbook/parse.js';
import { playbookJsonSchema } from '../core/playbook/schema.js';
import { toExtendedRegex } from '../core/regex/gate.js';
import { renderJson } from '../core/render/json.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { ANSI_STYLE, PLAIN_STYLE, renderText } from '../core/render/text.js';
import { loadPatternIndex, readPlaybookDirectory } from '../playbookFiles/loadPlaybooks.js';
import { registerCheckCommands } from './checkCommands.js';
import { formatOption, noteWriter, timeoutMs } from './commonOptions.js';
import { readInput } from './readInput.js';
import { runShell } from './shell.js';

export const EXIT = { ok: 0, internal: 1, usage: 2, lint: 3, examplesFailed: 4 } as const;

export interface CliIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  config: Config;
  version: string;
}

/** Thrown by a command to end with a given exit code after it has printed its report. */
export class ExitWith extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function buildProgram(io: CliIO): Command {
  const out = (s: string) => io.stdout.write(s);
  let index: PatternIndex | undefined;
  const library = (dir?: string) => (index ??= loadPatternIndex(dir ?? io.config.playbooksDir));
  const useColor = () => io.config.color ?? Boolean(io.stdout.isTTY);

  const program = new Command('tlsdoc')
    .description('Diagnose TLS and certificate failures from pasted logs.')
    .version(io.version, '-V, --version')
    .option('--playbooks <dir>', 'playbook directory (default: the bundled playbooks, or TLSDOC_PLAYBOOKS)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: out, writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const dirOption = () => program.opts<{ playbooks?: string }>().playbooks;

  program
    .command('diagnose')
    .description('diagnose a pasted log (from FILE, or stdin when FILE is - or absent)')
    .argument('[file]', 'log file, or - for stdin')
    .addOption(formatOption())
    .option('--json', 'same as --format json')
    .option('--live', "probe the paste's target endpoints (those TLSDOC_PROBE_ALLOW allows) to confirm or refute the diagnosis")
    .option('--probe-any', "with --live: probe the paste's targets even outside TLSDOC_PROBE_ALLOW")
    .option('--ca <file>', "with --live: the CA bundle the failing client trusts (default: Node's root store)")
    .option('--timeout <ms>', 'with --live: deadline of each probe in milliseconds')
    .action(async (file: string | undefined, opts: { format: string; json?: boolean; live?: boolean; probeAny?: boolean; ca?: string; timeout?: string }) => {
      const lib = library(dirOption());
      const bytes = await readInput(file, io.stdin, io.config.maxInputBytes);
      const deadline = timeoutMs(opts.timeout, io.config.probeTimeoutMs);
      const plain = diagnose(lib, bytes, { maxBytes: io.config.maxInputBytes });
      const notes = noteWriter(io.stderr);
      const live = opts.live || opts.probeAny ? (await import('./liveDiagnosis.js')).liveDiagnosis : undefined;
      const d = live ? await live(plain, { probeAny: Boolean(opts.probeAny), ca: opts.ca, timeoutMs: deadline }, { stdin: io.stdin, config: io.config, notes }) : plain;
      const format = opts.json ? 'json' : opts.format;
      if (format === 'json') {
        d.notes.forEach(notes);
        out(renderJson(d) + '\n');
      } else if (format === 'markdown') out(renderMarkdown(d));
      else out(renderText(d, useColor() ? ANSI_STYLE : PLAIN_STYLE));
    });

  const playbooks = program.command('playbooks').description('list, show, lint and test playbooks');
  playbooks
    .command('list')
    .description('one line per playbook: id, category, title')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      const pbs = library(dirOption()).playbooks.map((p) => p.playbook);
      if (opts.json) return void out(JSON.stringify(pbs.map((p) => ({ id: p.id, category: p.category, title: p.title }))) + '\n');
      const width = Math.max(...pbs.map((p) => p.id.length));
      const cw = Math.max(...pbs.map((p) => p.category.length));
      for (const p of pbs) out(`${p.id.padEnd(width)}  ${p.category.padEnd(cw)}  ${p.title}\n`);
    });
  playbooks
    .command('show')
    .description('a playbook as its file states it')
    .argument('<id>')
    .action((id: string) => {
      const pb = library(dirOption()).playbooks.find((p) => p.playbook.id === id);
      if (!pb) throw new TlsdocError('PLAYBOOK_NOT_FOUND', `no playbook "${id}" (tlsdoc playbooks list shows them)`);
      out(JSON.stringify(pb.playbook, null, 2) + '\n');
    });
  playbooks
    .command('lint')
    .description('check every playbook file against the schema and the pattern rules')
    .action(() => {
      const load = readPlaybookDirectory(dirOption() ?? io.config.playbooksDir);
      for (const p of load.problems) io.stderr.write(formatProblem(p) + '\n');
      if (load.problems.length) {
        io.stderr.write(`${load.problems.length} problem(s) in ${load.files.length} playbook file(s)\n`);
        throw new ExitWith(EXIT.lint);
      }
      out(`${load.playbooks.length} playbooks OK\n`);
    });
  playbooks
    .command('test')
    .description("run every playbook's examples")
    .argument('[id]', 'only this playbook')
    .action((id: string | undefined) => {
      const lib = library(dirOption());
      if (id && !lib.playbooks.some((p) => p.playbook.id === id)) throw new TlsdocError('PLAYBOOK_NOT_FOUND', `no playbook "${id}"`);
      const report = runPlaybookExamples(lib, id);
      for (const f of report.failures) io.stderr.write(`FAIL ${f.playbook} / ${f.example}\n  expected: ${f.expected}\n  got:      ${f.got}\n`);
      out(`${report.examples - report.failures.length} passed, ${report.failures.length} failed (${report.examples} examples)\n`);
      if (report.failures.length) throw new ExitWith(EXIT.examplesFailed);
    });
  playbooks
    .command('schema')
    .description('print (or write) the JSON Schema of playbook files, for editors')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((opts: { output?: string }) => {
      const text = JSON.stringify(playbookJsonSchema(), null, 2) + '\n';
      if (opts.output) writeFileSync(opts.output, text);
      else out(text);
    });
  playbooks
    .command('patterns')
    .description('every match pattern as POSIX ERE, one per line, for grep -E -i -f')
    .action(() => {
      for (const p of library(dirOption()).playbooks) for (const m of p.match) out(toExtendedRegex(m.source) + '\n');
    });

  registerCheckCommands(program, io, useColor);

  program
    .command('shell')
    .description('interactive: paste a log, end with an empty line or Ctrl-D')
    .action(async () => {
      await runShell({ ...io, index: library(dirOption()), color: useColor() });
    });

  return program;
}
