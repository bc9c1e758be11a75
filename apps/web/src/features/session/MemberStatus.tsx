import type { Attendee, ModerationNotice } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { formatServerTime } from './countdown.ts';
import { isMuted } from './view.ts';

interface Props {
  me: Attendee | undefined;
  notice: ModerationNotice | null;
  serverNow: number;
  offset: number;
}

/** What a moderator did about me and why: from the notice sent to me, and from my attendee row. */
export function MemberStatus({ me, notice, serverNow, offset }: Props) {
  const { t } = useTranslation();
  const reason = (code: ModerationNotice['reason']) => (code ? t(`session.reasons.${code}`) : '—');
  const muted = isMuted(me, serverNow);
  const lines: string[] = [];
  if (notice) {
    if (notice.action === 'mute' && notice.until !== null && notice.until > serverNow)
      lines.push(
        t('session.noticeMute', { until: formatServerTime(notice.until, offset), reason: reason(notice.reason) }),
      );
    if (notice.action === 'remove') lines.push(t('session.noticeRemove', { reason: reason(notice.reason) }));
    if (notice.action === 'hide_comment') lines.push(t('session.noticeHideComment', { reason: reason(notice.reason) }));
    if (notice.action === 'unmute' && !muted) lines.push(t('session.noticeUnmute'));
    if (notice.note && notice.action !== 'unmute') lines.push(t('session.noticeNote', { note: notice.note }));
  }
  if (me?.removed && notice?.action !== 'remove') lines.unshift(t('session.removedNotice'));
  else if (muted && me?.mutedUntil && notice?.action !== 'mute')
    lines.unshift(t('session.mutedNotice', { time: formatServerTime(me.mutedUntil, offset) }));
  if (lines.length === 0) return null;
  const serious = me?.removed || muted;
  return (
    <div className={serious ? 'notice notice-warn' : 'notice'} role="status" data-testid="member-status">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
