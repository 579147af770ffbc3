// The probe port: what the core asks of a live TLS handshake, and the raw observations it
// gets back. The adapter (src/probe) implements it on node:tls; tests use a fake. Every
// failure is an observation, never a thrown error.

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** A client certificate and key to offer; the key only ever goes to the TLS stack. */
export interface ClientIdentity {
  certificate: Uint8Array;
  key: Uint8Array;
}

export interface ProbeRequest {
  /** What to dial: a DNS name or an IP address. */
  host: string;
  port: number;
  /** The SNI to send, or null to send none. */
  sni: string | null;
  /** CA certificates (PEM) for the TLS stack's own verdict; the analysis uses its trust store. */
  ca?: Uint8Array;
  client?: ClientIdentity;
  timeoutMs: number;
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  /** OpenSSL cipher list (TLS 1.2 and older). */
  ciphers?: string;
  alpn?: string[];
  /** When set, a second handshake with this SNI (null: none) to compare certificates. */
  alternateSni?: string | null;
  /** With a client identity: a second handshake without it, to learn whether one is required. */
  clientAuth?: boolean;
}

export type HandshakeOutcome =
  /** The handshake completed (whatever the certificate verification said). */
  | 'established'
  /** TLS failed: an alert, no common version, a certificate refused. */
  | 'tls-error'
  /** The server answered with something that is not TLS. */
  | 'not-tls'
  /** No TCP connection (refused, unreachable, name not found). */
  | 'connect-error'
  /** The deadline passed first. */
  | 'timeout'
  /** The server closed the connection without a TLS answer. */
  | 'closed';

export interface HandshakeObservation {
  sni: string | null;
  outcome: HandshakeOutcome;
  /** DER certificates as presented, leaf first as the server ordered them. */
  chain: Uint8Array[];
  /** `handshake`: read from the server's Certificate message; `peer`: the TLS stack's linked chain. */
  chainSource: 'handshake' | 'peer' | null;
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  /** The server sent a CertificateRequest; null when its handshake could not be read. */
  certificateRequested: boolean | null;
  clientCertificateOffered: boolean;
  /** The TLS stack's verification result against the request's CA (or its default roots). */
  verifyError: string | null;
  error: { code: string | null; message: string } | null;
  /** Printable start of a non-TLS answer. */
  plaintextReply: string | null;
  elapsedMs: number;
}

export interface ProbeResult {
  host: string;
  port: number;
  /** The address actually connected to, when a connection was made. */
  address: string | null;
  primary: HandshakeObservation;
  alternateSni: HandshakeObservation | null;
  withoutClientCertificate: HandshakeObservation | null;
}

export interface EndpointProbe {
  probe(request: ProbeRequest): Promise<ProbeResult>;
}
