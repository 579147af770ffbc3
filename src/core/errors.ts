// One error type for everything tlsdoc reports to a user: a code a caller can branch on,
// a message a person can act on, and the underlying cause when there is one.
export type TlsdocErrorCode =
  | 'INPUT_TOO_LARGE'
  | 'PLAYBOOK_INVALID'
  | 'PLAYBOOK_DUPLICATE'
  | 'PLAYBOOKS_EMPTY'
  | 'PATTERN_INVALID'
  | 'REGEX_ENGINE_MISSING'
  | 'PLAYBOOK_NOT_FOUND'
  | 'USAGE'
  /** The input holds no certificate tlsdoc can find (no PEM block, DER or Secret value). */
  | 'CERTIFICATE_NOT_FOUND'
  /** Certificates were found but none could be decoded. */
  | 'CERTIFICATE_INVALID'
  /** A private key could not be read (format unknown, or encrypted). */
  | 'PRIVATE_KEY_INVALID'
  /** An endpoint is not `HOST:PORT`, `[IPv6]:PORT` or `HOST`. */
  | 'ENDPOINT_INVALID'
  /** The probe allow-list (TLSDOC_PROBE_ALLOW) has an entry that cannot be read. */
  | 'PROBE_POLICY_INVALID';

export class TlsdocError extends Error {
  readonly code: TlsdocErrorCode;
  /** Where the problem is, e.g. `playbooks/x.yaml:12:5`, when it is in a file. */
  readonly location: string | undefined;

  constructor(code: TlsdocErrorCode, message: string, options: { cause?: unknown; location?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TlsdocError';
    this.code = code;
    this.location = options.location;
  }
}
