// Reads a paste from a file or stdin as bytes, stopping once it is over the limit so a
// runaway pipe or a huge file cannot exhaust memory.
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { inputTooLarge } from '../core/normalise/normalise.js';

export async function readInput(source: string | undefined, stdin: Readable, maxBytes: number): Promise<Buffer> {
  if (source && source !== '-') {
    const handle = await open(source, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw inputTooLarge(size, maxBytes);
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(b);
    total += b.length;
    if (total > maxBytes) {
      stdin.destroy();
      throw inputTooLarge(maxBytes, maxBytes, true);
    }
  }
  return Buffer.concat(chunks);
}
