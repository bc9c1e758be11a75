import type { StandardView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A sentence for screen-reader users when others add or remove standards, which sighted users
 * notice by the page changing. The first list (the snapshot) is not announced.
 */
export function useCharterAnnouncements(standards: readonly StandardView[] | undefined): string {
  const { t } = useTranslation();
  const previous = useRef<readonly StandardView[] | undefined>(undefined);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const before = previous.current;
    previous.current = standards;
    if (!before || !standards) return;
    const had = new Set(before.map((s) => s.id));
    const has = new Set(standards.map((s) => s.id));
    const added = standards.filter((s) => !had.has(s.id)).map((s) => t('charter.added', { title: s.title }));
    const removed = before.filter((s) => !has.has(s.id)).map((s) => t('charter.removed', { title: s.title }));
    const sentences = [...added, ...removed];
    if (sentences.length > 0) setMessage(sentences.join(' '));
  }, [standards, t]);

  return message;
}
