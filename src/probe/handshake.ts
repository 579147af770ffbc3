// One TLS handshake, observed: connect, hand the socket to node:tls through a capturing
// stream, accept any certificate (the analysis judges it, not the TLS stack), and report
// what happened. Never throws; a deadline ends every attempt.
import { connect as connectTcp } from 'node:net';
import { connect as connectTls, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { HandshakeObservation, HandshakeOutcome, ProbeRequest } from '../core/probe/port.js';
import { capturingStream, type CapturingStream } from './capturingStream.js';
import { readServerFlight, type ServerFlight } from './tlsRecords.js';

/** One handshake of a probe request: its connection settings, and when to give up. */
export type HandshakeAttempt = Omit<ProbeRequest, 'timeoutMs' | 'alternateSni' | 'clientAuth'> & {
  /** Epoch milliseconds. */
  deadline: number;
};

export interface Attempted {
  observation: HandshakeObservation;
  address: string | null;
}

/** The longest wait for a TLS 1.3 server's verdict on the client certificate. */
const CLIENT_AUTH_VERDICT_MS = 1000;
/** After the session ticket, how long a refusal (some servers close right after sending tickets) may still take. */
const AFTER_TICKET_MS = 250;
const CAPTURE_LIMIT = 256 * 1024;

export function handshake(a: HandshakeAttempt): Promise<Attempted> {
  return new Promise((resolve) => {
    const started = performance.now();
    const raw = connectTcp({ host: a.host, port: a.port });
    let capture: CapturingStream | undefined;
    let address: string | null = null;
    const keylog: string[] = [];
    let socket: TLSSocket | undefined;
    let connected = false;
    let established = false;
    let verdictTimer: NodeJS.Timeout | undefined;
    let localError = false;
    /** The server's flight, read once the handshake completed: bytes after it do not change it. */
    let completedFlight: ServerFlight | undefined;
    const facts = { protocol: null as string | null, cipher: null as string | null, alpn: null as string | null, verifyError: null as string | null, peerChain: [] as Uint8Array[] };

    const finish = (outcome: HandshakeOutcome, error: Error | null) => {
      clearTimeout(deadlineTimer);
      clearTimeout(verdictTimer);
      const received = capture?.received() ?? Buffer.alloc(0);
      const flight = completedFlight ?? readServerFlight(received, keylog);
      const silent = outcome === 'tls-error' && !established && !localError && received.length === 0;
      const final: HandshakeOutcome = flight.notTls && !established ? 'not-tls' : silent ? 'closed' : outcome;
      const code = (error as NodeJS.ErrnoException | null)?.code;
      resolve({
        address,
        observation: {
          sni: a.sni,
          outcome: final,
          chain: flight.chain ?? facts.peerChain,
          chainSource: flight.chain ? 'handshake' : facts.peerChain.length ? 'peer' : null,
          protocol: facts.protocol,
          cipher: facts.cipher,
          alpn: facts.alpn,
          certificateRequested: flight.certificateRequested,
          clientCertificateOffered: a.client !== undefined,
          verifyError: facts.verifyError,
          error: error ? { code: code ?? null, message: error.message.slice(0, 300) } : null,
          plaintextReply: flight.plaintextReply,
          elapsedMs: Math.round((performance.now() - started) * 10) / 10,
        },
      });
      socket?.destroy();
      raw.destroy();
    };
    const end = once(finish);
    let awaiting = false;
    const closedEarly = () => end('tls-error', Object.assign(new Error('the server closed the connection right after the handshake'), { code: 'CLOSED_AFTER_HANDSHAKE' }));
    // TLS 1.3 servers judge the client's certificate (or its absence) after the client
    // finished: an alert or a closed connection means refused; data, or quiet for a
    // moment after the session ticket, means accepted.
    const awaitVerdict = (tls: TLSSocket) => {
      awaiting = true;
      const accepted = () => end('established', null);
      const wait = (ms: number) => {
        clearTimeout(verdictTimer);
        verdictTimer = setTimeout(accepted, Math.min(ms, Math.max(0, a.deadline - Date.now())));
      };
      tls.once('data', accepted);
      tls.once('end', closedEarly);
      tls.once('session', () => wait(AFTER_TICKET_MS));
      wait(CLIENT_AUTH_VERDICT_MS);
      tls.resume();
    };
    const deadlineTimer = setTimeout(() => end(established ? 'established' : 'timeout', null), Math.max(0, a.deadline - Date.now()));

    raw.once('error', (e) => {
      if (!connected) end('connect-error', e);
    });
    raw.once('connect', () => {
      connected = true;
      address = raw.remoteAddress ?? null;
      capture = capturingStream(raw, CAPTURE_LIMIT);
      capture.stream.on('error', () => undefined); // reported through the TLS socket
      try {
        socket = connectTls(definedOnly({
          socket: capture.stream,
          servername: a.sni ?? undefined,
          rejectUnauthorized: false,
          ca: a.ca ? Buffer.from(a.ca) : undefined,
          cert: a.client ? Buffer.from(a.client.certificate) : undefined,
          key: a.client ? Buffer.from(a.client.key) : undefined,
          minVersion: a.minVersion,
          maxVersion: a.maxVersion,
          ciphers: a.ciphers,
          ALPNProtocols: a.alpn,
        }));
      } catch (e) {
        localError = true; // our own settings (client key, CA file, cipher list) were refused
        end('tls-error', e as Error);
        return;
      }
      const tls = socket;
      tls.on('keylog', (line: Buffer) => keylog.push(line.toString('latin1')));
      tls.once('secureConnect', () => {
        established = true;
        facts.protocol = tls.getProtocol() ?? null;
        facts.cipher = tls.getCipher()?.standardName ?? null;
        facts.alpn = typeof tls.alpnProtocol === 'string' ? tls.alpnProtocol : null;
        const verdict = tls.authorizationError as unknown;
        facts.verifyError = verdict ? String((verdict as NodeJS.ErrnoException).code ?? verdict) : null;
        const flight = (completedFlight = readServerFlight(capture?.received() ?? Buffer.alloc(0), keylog));
        if (!flight.chain) facts.peerChain = peerChain(tls.getPeerCertificate(true));
        if (facts.protocol === 'TLSv1.3' && flight.certificateRequested) awaitVerdict(tls);
        else end('established', null);
      });
      tls.on('error', (e) => end('tls-error', e));
      tls.on('close', () => (awaiting ? closedEarly() : end(established ? 'established' : 'closed', null)));
    });
  });
}

/** `f`, callable once; later calls do nothing (an attempt ends one way only). */
function once<T extends unknown[]>(f: (...args: T) => void): (...args: T) => void {
  let done = false;
  return (...args) => {
    if (!done) {
      done = true;
      f(...args);
    }
  };
}

/** Options without undefined values: an explicit undefined would replace node:tls's defaults. */
function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The TLS stack's chain (reordered by issuer, possibly ending in a trusted root it added). */
function peerChain(cert: PeerCertificate & { issuerCertificate?: PeerCertificate }): Uint8Array[] {
  const out: Uint8Array[] = [];
  let c: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = cert;
  while (c && c.raw && out.length < 20) {
    out.push(Uint8Array.from(c.raw));
    if (c.issuerCertificate === c) break;
    c = c.issuerCertificate;
  }
  return out;
}
