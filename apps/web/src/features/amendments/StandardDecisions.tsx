import { LIMITS } from '@moot/protocol';
import type { AmendmentStatus, AmendmentView, DissentView, ParticipantView, StandardView } from '@moot/protocol';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { sendCommand, useCommands, type CommandRunner } from '../session/commands.ts';
import { LadderView } from '../lifecycle/LadderView.tsx';
import { hasSignedAmendment, hasSignedDissent } from './view.ts';
import { WordingForm } from './WordingForm.tsx';
import { SuggestedChange } from './SuggestedChange.tsx';
import './suggestionStrings.ts';

/** Who may act: members and moderators propose and co-sign amendments; members write minority reports. */
export interface DecisionActions {
  socket: AssemblySocket;
  me: ParticipantView;
}

interface Props {
  standard: StandardView;
  amendments: readonly AmendmentView[];
  dissents: readonly DissentView[];
  actions?: DecisionActions;
  /** Suggestions whose words were edited since (found by the text field). */
  stale?: ReadonlySet<string>;
}

/**
 * Under each standard, on every page: its consequence ladder, its amendments and its minority
 * reports — with the forms to propose, co-sign and write them for those who may.
 */
export function StandardDecisions({ standard, amendments, dissents, actions, stale }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const amendable = standard.status === 'locked' || standard.status === 'adopted';
  const decided = standard.status === 'adopted' || standard.status === 'rejected';
  const isMember = actions?.me.role === 'member';
  return (
    <div className="decisions-of-standard" data-testid="standard-decisions">
      <LadderView standard={standard} />
      {(amendable || amendments.length > 0) && (
        <section aria-labelledby={`${id}-amendments`} data-testid="amendments">
          <h4 id={`${id}-amendments`}>{t('amendments.heading', { count: amendments.length })}</h4>
          {amendments.length === 0 ? (
            <p className="empty">{t('amendments.empty')}</p>
          ) : (
            <ol className="amendment-list">
              {amendments.map((amendment) => (
                <li key={amendment.id}>
                  <AmendmentItem
                    amendment={amendment}
                    stale={stale?.has(amendment.id) ?? false}
                    {...(actions ? { actions } : {})}
                  />
                </li>
              ))}
            </ol>
          )}
          {actions && amendable && (
            <WordingForm
              heading={t('amendments.proposeHeading')}
              textLabel={t('amendments.textLabel')}
              textHint={t('amendments.textHint', { max: LIMITS.maxAmendmentLength })}
              reasonLabel={t('amendments.reasonLabel')}
              submitLabel={t('amendments.propose')}
              onSubmit={async (text, reason) => {
                const ack = await sendCommand(actions.socket, 'amendment:propose', {
                  standardId: standard.id,
                  text,
                  reason,
                });
                return ack.ok ? null : ack.error;
              }}
            />
          )}
        </section>
      )}
      {(decided || dissents.length > 0) && (
        <section aria-labelledby={`${id}-dissents`} data-testid="dissents">
          <h4 id={`${id}-dissents`}>{t('amendments.dissentsHeading', { count: dissents.length })}</h4>
          {dissents.length === 0 ? (
            <p className="empty">{t('amendments.dissentsEmpty')}</p>
          ) : (
            <ol className="dissent-list">
              {dissents.map((dissent) => (
                <li key={dissent.id}>
                  <DissentItem dissent={dissent} {...(actions && isMember ? { actions } : {})} />
                </li>
              ))}
            </ol>
          )}
          {actions && isMember && decided && (
            <WordingForm
              heading={t('amendments.writeDissent')}
              textLabel={t('amendments.dissentLabel')}
              textHint={t('amendments.dissentHint', { max: LIMITS.maxAmendmentLength })}
              submitLabel={t('amendments.submitDissent')}
              onSubmit={async (text) => {
                const ack = await sendCommand(actions.socket, 'dissent:write', { standardId: standard.id, text });
                return ack.ok ? null : ack.error;
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}

function AmendmentItem({
  amendment,
  actions,
  stale,
}: {
  amendment: AmendmentView;
  actions?: DecisionActions;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const signed = actions ? hasSignedAmendment(amendment, actions.me.id) : false;
  const mine = actions !== undefined && amendment.signerIds[0] === actions.me.id;
  const open = amendment.status === 'proposed' || amendment.status === 'tabled';
  return (
    <article
      className="amendment"
      data-testid="amendment"
      data-amendment-id={amendment.id}
      data-status={amendment.status}
      aria-label={t('amendments.proposedBy', { name: amendment.proposer })}
    >
      <p>
        <span className="tag">{statusText(t, amendment.status)}</span>{' '}
        {t('amendments.proposedBy', { name: amendment.proposer })}
      </p>
      {amendment.suggestion ? (
        <SuggestedChange suggestion={amendment.suggestion} />
      ) : (
        <p className="amendment-text">{amendment.text}</p>
      )}
      {stale && open && (
        <p className="notice" data-testid="suggestion-stale">
          {t('suggestions.staleNotice')}
        </p>
      )}
      {amendment.reason && <p className="hint">{t('amendments.reason', { reason: amendment.reason })}</p>}
      <p className="hint" data-testid="cosigners">
        {amendment.cosigners.length === 0
          ? t('amendments.noCosigners')
          : t('amendments.cosignedBy', { names: amendment.cosigners.join(', ') })}
      </p>
      {actions && amendment.status === 'proposed' && (
        <Cosign
          socket={actions.socket}
          signed={signed}
          label={t('amendments.cosignLabel', { name: amendment.proposer })}
          cosign={(run) => run('amendment:cosign', { amendmentId: amendment.id })}
        />
      )}
      {actions && mine && amendment.status === 'proposed' && (
        <Withdraw socket={actions.socket} amendmentId={amendment.id} />
      )}
    </article>
  );
}

function DissentItem({ dissent, actions }: { dissent: DissentView; actions?: DecisionActions }) {
  const { t } = useTranslation();
  const names = dissent.signatories.join(', ');
  return (
    <article className="dissent" data-testid="dissent" data-dissent-id={dissent.id}>
      <p className="dissent-text">{dissent.text}</p>
      <p className="hint" data-testid="signatories" data-count={dissent.signatories.length}>
        {t('amendments.signedBy', { count: dissent.signatories.length, names })}
      </p>
      {actions && (
        <Cosign
          socket={actions.socket}
          signed={hasSignedDissent(dissent, actions.me.id)}
          label={t('amendments.cosignDissentLabel', { names })}
          cosign={(run) => run('dissent:cosign', { dissentId: dissent.id })}
        />
      )}
    </article>
  );
}

function Cosign({
  socket,
  signed,
  label,
  cosign,
}: {
  socket: AssemblySocket;
  signed: boolean;
  label: string;
  cosign: (run: CommandRunner['run']) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  if (signed) return <p className="hint">{t('amendments.signed')}</p>;
  return (
    <>
      <ActionButton
        className="secondary"
        aria-label={label}
        unavailable={commands.busy}
        onClick={() => void cosign(commands.run)}
      >
        {t('amendments.cosign')}
      </ActionButton>
      {commands.error && <ErrorNotice error={commands.error} />}
    </>
  );
}

/** A status in words: the two statuses of suggestions have their strings with them. */
export function statusText(t: TFunction, status: AmendmentStatus): string {
  return status === 'withdrawn' || status === 'stale'
    ? t(`suggestions.statuses.${status}`)
    : t(`amendments.statuses.${status}`);
}

function Withdraw({ socket, amendmentId }: { socket: AssemblySocket; amendmentId: string }) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  return (
    <>
      <ActionButton
        className="secondary"
        aria-label={t('suggestions.withdrawLabel')}
        unavailable={commands.busy}
        onClick={() => void commands.run('amendment:withdraw', { amendmentId })}
      >
        {t('suggestions.withdraw')}
      </ActionButton>
      {commands.error && <ErrorNotice error={commands.error} />}
    </>
  );
}
