import type { z } from 'zod';
import { ErrorCode, type ErrorReason, type ProtocolError } from './errors.ts';

/**
 * Parses an untrusted payload with a protocol schema. A failure becomes a ProtocolError:
 * `too_large` when a size limit was passed, otherwise `bad_request` naming the first problem.
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: ProtocolError } {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const tooLarge = result.error.issues.some(
    (i) => i.code === 'custom' && (i.params as { code?: string } | undefined)?.code === ErrorCode.tooLarge,
  );
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  // A schema that words its refusals as codes (`evidence.ts`) puts the code on a custom issue.
  const reason = result.error.issues
    .map((i) => (i.code === 'custom' ? (i.params as { reason?: ErrorReason } | undefined)?.reason : undefined))
    .find((r) => r !== undefined);
  return {
    ok: false,
    error: {
      code: tooLarge ? ErrorCode.tooLarge : ErrorCode.badRequest,
      message: `${where}${issue?.message ?? 'Invalid payload'}`,
      ...(reason ? { reason } : {}),
    },
  };
}
