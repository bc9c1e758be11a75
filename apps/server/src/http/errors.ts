import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode, type ErrorReason, type HttpError, refusal } from '@moot/protocol';

/** `reason`: why, as a code the page words in its reader's language (`ProtocolError.reason`). */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, reason?: ErrorReason): void {
  const body: HttpError = { error: reason ? { code, message, reason } : { code, message } };
  res.status(status).json(body);
}

/** 429 with `Retry-After`: a per-address limit ran out; the sentence says how long to wait. */
export function tooManyTries(
  res: Response,
  retryAfterSeconds: number,
  what: string,
  why: 'tooManyWrongLinks' | 'tooManyWrongCodes' | 'tooManyDownloads' | 'oneCheckAtATime',
): void {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  sendError(
    res,
    429,
    ErrorCode.rateLimited,
    `${what}; try again in ${retryAfterSeconds} s`,
    refusal('request', why, { seconds: retryAfterSeconds }),
  );
}

/** The last Express handler: known HTTP errors keep their status; the rest are logged, never shown. */
export const errorHandler =
  (logger: Logger) =>
  (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const status = (error as { status?: number }).status;
    if (status === 413)
      return sendError(res, 413, ErrorCode.tooLarge, 'The request is too large', refusal('request', 'tooLarge'));
    if (status === 400)
      return sendError(
        res,
        400,
        ErrorCode.badRequest,
        'The request could not be read',
        refusal('request', 'unreadable'),
      );
    logger.error({ err: error }, 'request failed');
    sendError(res, 500, ErrorCode.internal, 'Something went wrong on the server', refusal('command', 'serverFault'));
  };
