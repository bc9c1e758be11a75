import type { SessionState, VoteView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { currentItem } from '../session/view.ts';
import { paneId, PANES, type Pane } from './DeskPanes.tsx';
import { isTypingTarget, shortcutOf, type ShortcutAction } from './shortcuts.ts';
import { timerToggle } from './TimerControls.tsx';

interface Options {
  state: SessionState | null;
  votes: readonly VoteView[] | undefined;
  run: CommandRunner['run'];
  toggleHelp: () => void;
  showPane: (pane: Pane) => void;
}

/** Moves focus to a pane (after it is shown on a narrow screen) or to an element inside it. */
function focusIn(pane: Pane, selector?: string) {
  requestAnimationFrame(() => {
    const root = document.getElementById(paneId(pane));
    const target = selector ? root?.querySelector<HTMLElement>(selector) : root;
    target?.focus();
  });
}

/**
 * The console's single-key shortcuts, on the whole document, never while typing (fields, selects,
 * editors) nor with Ctrl/Cmd/Alt. Returns a message for a key that could not act ("no open vote").
 */
export function useDeskShortcuts({ state, votes, run, toggleHelp, showPane }: Options): string | null {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  // The handler reads the newest state without re-binding the listener on every broadcast.
  const latest = useRef<(action: ShortcutAction, key: string) => void>(() => {});
  latest.current = (action, key) => {
    setMessage(null);
    const active = state && state.status !== 'ended' ? state : null;
    const needsSession = () => {
      if (!active) setMessage(t('desk.noSession'));
      return active;
    };
    switch (action) {
      case 'help':
        return toggleHelp();
      case 'pane': {
        const pane = PANES[Number(key) - 1];
        if (!pane) return;
        showPane(pane);
        return focusIn(pane);
      }
      case 'openVote':
        showPane('votes');
        return focusIn('votes', 'form input, form select, form textarea');
      case 'closeVote': {
        const open = (votes ?? []).filter((v) => v.status === 'open');
        if (open.length === 0) return setMessage(t('desk.noOpenVote'));
        if (open.length > 1) {
          setMessage(t('desk.severalOpenVotes'));
          showPane('votes');
          return focusIn('votes', 'button.danger');
        }
        return void run('vote:close', { voteId: open[0]!.id });
      }
      // A key that cannot act now says why, in words, instead of sending a command the server refuses.
      case 'nextSpeaker': {
        const s = needsSession();
        if (s && s.queue.length === 0) return setMessage(t('queue.empty'));
        return s ? void run('queue:next', { sessionId: s.id }) : undefined;
      }
      case 'endTurn': {
        const s = needsSession();
        if (s && !s.turn) return setMessage(t('queue.noSpeaker'));
        return s ? void run('queue:endTurn', { sessionId: s.id }) : undefined;
      }
      case 'nextItem': {
        const s = needsSession();
        if (s && !s.agenda.some((i) => i.status === 'pending')) return setMessage(t('desk.noNextItem'));
        return s ? void run('agenda:next', { sessionId: s.id }) : undefined;
      }
      case 'toggleTimer': {
        const s = needsSession();
        const toggle = s && timerToggle(s);
        if (s && !toggle) return setMessage(t('desk.noNextItem'));
        return toggle ? void run(toggle.event, { itemId: toggle.itemId }) : undefined;
      }
      case 'extendTimer':
      case 'shortenTimer': {
        const s = needsSession();
        const item = s && currentItem(s);
        if (s && (!item || (item.status !== 'running' && item.status !== 'paused')))
          return setMessage(t('session.noCurrentItem'));
        if (!item) return;
        return void run('agenda:extend', { itemId: item.id, minutes: action === 'extendTimer' ? 5 : -5 });
      }
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut.action, shortcut.key);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return message;
}
