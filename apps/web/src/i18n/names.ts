import { isPublicFigure } from '@moot/protocol';
import { useTranslation } from 'react-i18next';

type Words = (key: string, params?: Record<string, unknown>) => string;

/**
 * How a page names someone, in the reader's language: a moderator or facilitator by role and
 * name ("moderator Alex Smith": facilitators are public figures, and the public should know who
 * steers), a pseudonym the server sent ("Member 4") in the reader's words, anyone else by the
 * name they gave. The one helper every public naming on the web goes through.
 */
export function nameWithRole(t: unknown, name: string, role?: string | null): string {
  const words = t as Words;
  const seat = /^Member (\d+)$/.exec(name)?.[1];
  const shown = seat === undefined ? name : words('words.pseudonym', { seat: Number(seat) });
  return role && isPublicFigure(role) && seat === undefined ? words(`words.named.${role}`, { name: shown }) : shown;
}

export function useNameWithRole(): (name: string, role?: string | null) => string {
  const { t } = useTranslation();
  return (name, role) => nameWithRole(t, name, role);
}
