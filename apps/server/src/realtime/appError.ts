import type { ErrorCode } from '@moot/protocol';

/** An expected failure with a code the client may see. Anything else becomes `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
