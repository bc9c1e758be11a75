import type { ErrorCode, ErrorReason } from '@moot/protocol';

/**
 * An expected failure with a code the client may see. Anything else becomes `internal`. A
 * `reason` (a code with parameters) lets the client word it in the reader's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }
}
