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
  | 'USAGE';

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
