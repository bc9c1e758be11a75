import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';

/**
 * A member's choice: the public (watch page, public record) sees "Member {seat}" unless they
 * show their name here. Off until they turn it on; the server records each change.
 */
export function ShowNameToggle({ socket, seat, initial }: { socket: AssemblySocket; seat: number; initial: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const [shown, setShown] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setShown(initial), [initial]);

  async function change(next: boolean) {
    setShown(next);
    const ack = await sendCommand(socket, 'participant:showName', { showName: next });
    if (ack.ok) setError(null);
    else {
      setShown(!next);
      setError(describe(ack.error));
    }
  }

  return (
    <div className="check show-name">
      <input id={`${id}-show`} type="checkbox" checked={shown} onChange={(e) => void change(e.target.checked)} />
      <label htmlFor={`${id}-show`}>{t('assembly.showName', { seat })}</label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
