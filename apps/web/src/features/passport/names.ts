import { useTranslation } from 'react-i18next';
import type { PassportAuthor } from '@moot/protocol';
import { shownRole } from './passportWords.ts';

/** A person's name as the public sees it (with their role if they lead), or what wrote words for no one. */
export function useAuthorName(): (author: PassportAuthor | undefined) => string {
  const { t } = useTranslation();
  return (author) => {
    if (!author || author.kind === 'unknown') return t('passport.unknown');
    if (author.kind === 'decision' || author.name === null) return t('passport.decision');
    const role = shownRole(author);
    return role ? t('passport.withRole', { name: author.name, role: t(`roles.${role}`) }) : author.name;
  };
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[], and: string, comma: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(comma)}${and}${names.at(-1)}`;
}
