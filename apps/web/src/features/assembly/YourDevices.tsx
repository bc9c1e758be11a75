import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '@moot/protocol';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enDevices } from '../../i18n/enDevices.ts';
import { localeOf } from '../../i18n/languages.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';

addEnglish(enDevices);

/**
 * The browsers where this seat holder opened their invite (their sessions), read when the list is
 * opened. Another device can be signed out here: a lost phone, a library computer. This one is
 * signed out with the menu's own "Sign out" button, which also clears its cookie.
 */
export function YourDevices({ socket }: { socket: AssemblySocket }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const when = (ms: number) =>
    new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

  async function load() {
    const ack = await sendCommand(socket, 'devices:list', {});
    if (ack.ok) {
      setDevices(ack.data.devices);
      setError(null);
    } else setError(describe(ack.error));
  }

  async function signOut(deviceId: string) {
    const ack = await sendCommand(socket, 'devices:signOut', { deviceId });
    if (ack.ok || ack.error.code === 'not_found') {
      setDone(true);
      await load();
    } else setError(describe(ack.error));
  }

  return (
    <details
      className="your-devices"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) {
          setDone(false);
          void load();
        }
      }}
    >
      <summary>{t('devices.heading')}</summary>
      <p className="hint">{t('devices.hint')}</p>
      {devices === null && !error && <p>{t('devices.loading')}</p>}
      {devices && (
        <ul className="device-list">
          {devices.map((device) => (
            <li key={device.deviceId} data-this-device={device.thisDevice || undefined}>
              <strong>{device.thisDevice ? t('devices.thisDevice') : t('devices.otherDevice')}</strong>
              <span>{t('devices.signedIn', { when: when(device.signedInAt) })}</span>
              <span>
                {device.lastSeenAt === null
                  ? t('devices.neverSeen')
                  : t('devices.lastSeen', { when: when(device.lastSeenAt) })}
              </span>
              {!device.thisDevice && (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('devices.signOutLabel', { when: when(device.signedInAt) })}
                  onClick={() => void signOut(device.deviceId)}
                >
                  {t('devices.signOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {devices?.length === 1 && <p>{t('devices.onlyThis')}</p>}
      {done && (
        <p role="status" className="hint">
          {t('devices.signedOut')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
