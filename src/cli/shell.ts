// The local shell: paste a log, end it with an empty line (or Ctrl-D), read the same
// diagnosis the Slack reply carries. What `npm start` runs when no Slack app is set up.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import { diagnose } from '../core/diagnosis/diagnose.js';
import { TlsdocError } from '../core/errors.js';
import type { PatternIndex } from '../core/match/scanner.js';
import { ANSI_STYLE, PLAIN_STYLE, renderText } from '../core/render/text.js';

export interface ShellIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  config: Config;
  index: PatternIndex;
  color: boolean;
}

const BANNER = `tlsdoc local shell — paste a log, then an empty line (or Ctrl-D). :help for help, :quit to leave.\n`;
const HELP = `Paste the error lines (any length, Slack formatting and JSON logs are fine) and finish with an empty line.
Commands: :help, :quit. Ctrl-D on an empty prompt leaves.\n`;

export async function runShell(io: ShellIO): Promise<void> {
  const interactive = Boolean(io.stdout.isTTY);
  const rl = createInterface({ input: io.stdin, output: interactive ? io.stdout : undefined, terminal: interactive });
  const style = io.color ? ANSI_STYLE : PLAIN_STYLE;
  io.stdout.write(BANNER);
  let buffer: string[] = [];
  let bytes = 0;
  const prompt = () => {
    if (interactive) {
      rl.setPrompt(buffer.length ? '… ' : 'tlsdoc> ');
      rl.prompt();
    }
  };
  const flush = () => {
    if (!buffer.some((l) => l.trim())) return;
    const paste = buffer.join('\n');
    buffer = [];
    bytes = 0;
    try {
      io.stdout.write('\n' + renderText(diagnose(io.index, paste, { maxBytes: io.config.maxInputBytes }), style) + '\n');
    } catch (e) {
      if (e instanceof TlsdocError) io.stdout.write(style.red(`error: ${e.message}`) + '\n');
      else throw e;
    }
  };
  prompt();
  for await (const line of rl) {
    if (buffer.length === 0 && /^:(q|quit|exit)\s*$/.test(line.trim())) break;
    if (buffer.length === 0 && /^:(h|help)\s*$/.test(line.trim())) {
      io.stdout.write(HELP);
      prompt();
      continue;
    }
    if (line.trim() === '' && buffer.length) flush();
    else if (line.trim() !== '') {
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > io.config.maxInputBytes) {
        buffer = [];
        bytes = 0;
        io.stdout.write(style.red(`error: the paste is over the ${io.config.maxInputBytes}-byte limit; paste the lines around the error`) + '\n');
      } else buffer.push(line);
    }
    prompt();
  }
  flush();
  rl.close();
}
