import { LIMITS, standardTitle } from '@moot/protocol';
import type { TFunction } from 'i18next';

/** The protocol's own title schema, with messages from our translations instead of zod's English. */
export function checkTitle(title: string, t: TFunction): { ok: true; title: string } | { ok: false; message: string } {
  const parsed = standardTitle.safeParse(title);
  if (parsed.success) return { ok: true, title: parsed.data };
  const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
  return {
    ok: false,
    message: tooLong ? t('validation.titleTooLong', { max: LIMITS.maxTitleLength }) : t('validation.titleRequired'),
  };
}
