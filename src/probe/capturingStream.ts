// A pass-through stream between the TCP socket and the TLS stack that keeps a copy of
// what the server sends, so the probe can read the handshake as it was on the wire (or
// the plaintext a non-TLS server answered with). Bounded: a server cannot make it grow.
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

export interface CapturingStream {
  stream: Duplex;
  /** Everything received so far, up to the limit. */
  received(): Buffer;
}

export function capturingStream(raw: Socket, limit: number): CapturingStream {
  const chunks: Buffer[] = [];
  let kept = 0;
  const stream = new Duplex({
    read() {
      raw.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      raw.write(chunk, callback);
    },
    final(callback) {
      raw.end();
      callback();
    },
    destroy(error, callback) {
      raw.destroy();
      callback(error);
    },
  });
  raw.on('data', (data: Buffer) => {
    if (kept < limit) {
      const part = data.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (!stream.push(data)) raw.pause();
  });
  raw.on('end', () => stream.push(null));
  raw.on('error', (e) => stream.destroy(e));
  return { stream, received: () => Buffer.concat(chunks) };
}
