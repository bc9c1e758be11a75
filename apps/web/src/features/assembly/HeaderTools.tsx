import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SaveStatus } from '../../collab/CollabProvider.ts';
import type { Connection } from '../../collab/useConnection.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ConnectionBadge } from '../../ui/ConnectionBadge.tsx';
import { HeaderMenu } from '../../ui/HeaderMenu.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { WatchersCount } from '../../ui/WatchersCount.tsx';
import type { ParticipantView } from '@moot/protocol';
import { signOut } from './session.ts';
import { ShowNameToggle } from './ShowNameToggle.tsx';
import { YourDevices } from './YourDevices.tsx';

interface Props {
  connection: Connection;
  save: SaveStatus;
  me: ParticipantView;
  watchers: number | null;
  socket: AssemblySocket | null;
}

/** The compact header's right side: the connection as an icon (with its text), and a menu with the rest. */
export function HeaderTools({ connection, save, me, watchers, socket }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <ConnectionBadge connection={connection} save={save} />
      <HeaderMenu label={t('member.menuLabel')} name={t('member.menu')}>
        <p className="whoami">{t('assembly.signedInAs', { name: me.displayName, role: t(`roles.${me.role}`) })}</p>
        {watchers !== null && <WatchersCount count={watchers} />}
        {me.role === 'member' && socket && (
          <ShowNameToggle socket={socket} seat={me.seat} initial={me.showName ?? false} />
        )}
        {socket && <YourDevices socket={socket} />}
        {me.role === 'moderator' && (
          <ul className="menu-links">
            <li>
              <Link to="/console">{t('session.openConsole')}</Link>
            </li>
            <li>
              <Link to="/present">{t('session.presentMode')}</Link>
            </li>
          </ul>
        )}
        <LanguageSwitch />
        <button
          type="button"
          className="secondary"
          onClick={() => void signOut().then(() => navigate('/', { replace: true }))}
        >
          {t('app.signOut')}
        </button>
      </HeaderMenu>
    </>
  );
}
