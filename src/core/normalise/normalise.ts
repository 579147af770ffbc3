// Turns a paste (Slack message, file, terminal) into plain log lines the playbooks can
// match: Slack mrkdwn and entities undone, ANSI colours and control bytes removed,
// CRLF unified, JSON-per-line logs flattened to `message key="value" …`.
//
// Every regular expression here is linear on any input: each is either bounded, or its
// unbounded run is followed only by optional parts, so a match attempt never fails after
// scanning far (V8 then never retries the same run from the next position).
import { TlsdocError } from '../errors.js';
import { flattenJsonLine } from './jsonLine.js';

export const DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;

export interface NormalisedLine {
  /** 1-based line number in the paste as the user sent it. */
  line: number;
  text: string;
}

export interface NormalisedPaste {
  lines: NormalisedLine[];
  /** The lines joined with \n: what the matcher scans. */
  text: string;
  /** What was changed that the user may want to know (binary bytes dropped, …). */
  notes: string[];
  bytes: number;
}

export interface NormaliseOptions {
  maxBytes?: number;
}

const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;
// Control characters other than \t \n \r and ESC (handled above).
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;
const SLACK_LINK = /<((?:https?|mailto|ftp):[^<>|\s]{1,2048})(?:\|([^<>\n]{0,2048}))?>/g;
const SLACK_REF = /<([@#!])([A-Za-z0-9^-]{1,64})(?:\|([^<>\n]{0,256}))?>/g;
const CODE_FENCE = /```/g;
const INLINE_CODE = /`/g;

export function normalisePaste(input: string | Uint8Array, options: NormaliseOptions = {}): NormalisedPaste {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > maxBytes) throw inputTooLarge(bytes, maxBytes);
  const notes: string[] = [];
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    text = new TextDecoder('utf-8', { fatal: false }).decode(input);
    if (text.includes('\uFFFD')) notes.push('the paste is not valid UTF-8; undecodable bytes were replaced');
  }

  text = text.replace(/\r\n?/g, '\n').replace(ANSI, '');
  let controls = 0;
  text = text.replace(CONTROL, () => {
    controls++;
    return ' ';
  });
  if (controls > 0) notes.push(`${controls} binary/control byte${controls === 1 ? '' : 's'} ignored`);

  text = undoSlackFormatting(text);

  const lines: NormalisedLine[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    for (const part of normaliseLine(raw[i] as string)) lines.push({ line: i + 1, text: part });
  }
  return { lines, text: lines.map((l) => l.text).join('\n'), notes, bytes };
}

function undoSlackFormatting(text: string): string {
  return text
    .replace(SLACK_LINK, (_w, url: string, label: string | undefined) => (label !== undefined && label !== '' ? label : url))
    .replace(SLACK_REF, (_w, sigil: string, id: string, label: string | undefined) => sigil + (label ?? id))
    .replace(CODE_FENCE, '')
    .replace(INLINE_CODE, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** One raw line → one or more normalised lines (a JSON message may hold newlines). */
function normaliseLine(line: string): string[] {
  const flattened = flattenJsonLine(line);
  if (flattened !== undefined) return flattened.split('\n');
  if (line.includes('\\"')) {
    // Escaped quoting from logfmt/klog `err="…\"…\"…"`: show it as the program meant it.
    return line.replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\t/g, '\t').split('\n');
  }
  return [line];
}

/** The error for a paste over the limit; `atLeast` when the full size is not known. */
export function inputTooLarge(bytes: number, maxBytes: number, atLeast = false): TlsdocError {
  return new TlsdocError(
    'INPUT_TOO_LARGE',
    `the paste is ${atLeast ? 'more than ' : ''}${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit: paste the lines around the error (a few hundred lines are plenty), or raise TLSDOC_MAX_INPUT_BYTES`,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
