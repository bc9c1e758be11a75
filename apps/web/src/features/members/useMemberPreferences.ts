import { useEffect } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { chooseLanguage } from '../../i18n/index.ts';
import { LANGUAGE_STORAGE_KEY } from '../../i18n/languages.ts';
import { sendCommand } from '../session/commands.ts';

/** Whether this device already has a language someone chose on it (theirs wins over the organiser's record). */
function languageChosenHere(): boolean {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

/**
 * What the app honours of a member's recorded access needs on their own screens: Welsh (unless
 * they already chose a language on this device) and large text. Asked once per connection.
 */
export function useMemberPreferences(socket: AssemblySocket | null, isMember: boolean): void {
  useEffect(() => {
    if (!socket || !isMember) return;
    const apply = () =>
      void sendCommand(socket, 'members:myPreferences', {}).then((ack) => {
        if (!ack.ok) return;
        document.documentElement.classList.toggle('large-text', ack.data.largeText);
        if (ack.data.language && !languageChosenHere()) chooseLanguage(ack.data.language);
      });
    socket.on('connect', apply);
    if (socket.connected) apply();
    return () => {
      socket.off('connect', apply);
    };
  }, [socket, isMember]);
}
