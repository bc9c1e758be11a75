import type { StandardView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { LadderView } from './LadderView.tsx';
import { LadderEditor } from './LadderEditor.tsx';

/** The moderator's lifecycle controls: lock or unlock each standard, and edit its ladder before adoption. */
export function LifecycleConsole({
  socket,
  standards,
}: {
  socket: AssemblySocket;
  standards: readonly StandardView[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="lifecycle">
      <h2 id={`${id}-h`}>{t('lifecycle.heading')}</h2>
      <p className="hint">{t('lifecycle.hint')}</p>
      {standards.length === 0 ? (
        <p className="empty">{t('charter.empty')}</p>
      ) : (
        <ol className="ladder-list">
          {standards.map((standard) => (
            <li key={standard.id} className="lifecycle-standard" data-standard-id={standard.id}>
              <StandardLifecycle socket={socket} standard={standard} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function StandardLifecycle({ socket, standard }: { socket: AssemblySocket; standard: StandardView }) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  const { title, status } = standard;
  const decided = status === 'adopted' || status === 'rejected';
  return (
    <>
      <h3>
        {title}{' '}
        <span className={`standard-status status-${status}`} data-testid="lifecycle-status">
          {t(`charter.statuses.${status}`)}
        </span>
      </h3>
      {!decided && (
        <div className="button-row">
          {status === 'drafting' ? (
            <ActionButton
              unavailable={commands.busy}
              aria-label={t('lifecycle.lockLabel', { title })}
              onClick={() => void commands.run('standard:lock', { standardId: standard.id })}
            >
              {t('lifecycle.lock')}
            </ActionButton>
          ) : (
            <ActionButton
              className="secondary"
              unavailable={commands.busy}
              aria-label={t('lifecycle.unlockLabel', { title })}
              onClick={() => void commands.run('standard:unlock', { standardId: standard.id })}
            >
              {t('lifecycle.unlock')}
            </ActionButton>
          )}
        </div>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
      {decided ? <LadderView standard={standard} /> : <LadderEditor socket={socket} standard={standard} />}
    </>
  );
}
