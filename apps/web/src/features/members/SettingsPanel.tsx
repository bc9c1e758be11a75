import { MEMBER_LIMITS, type MembersState } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMemberCalls } from './memberApi.ts';

/** How long cards work, which gaps are highlighted, and which categories the watch page shows. */
export function SettingsPanel({
  assemblyId,
  state,
  onSaved,
}: {
  assemblyId: string;
  state: MembersState;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const [inviteDays, setInviteDays] = useState(state.settings.inviteDays);
  const [gapPoints, setGapPoints] = useState(state.settings.gapPoints);
  const [published, setPublished] = useState<string[]>(state.settings.publishedCategories);
  const [saved, setSaved] = useState(false);
  async function save() {
    setSaved(false);
    if (await commands.run('settings', { inviteDays, gapPoints, publishedCategories: published })) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <section aria-labelledby="members-settings" className="members-section no-print">
      <h2 id="members-settings">{t('members.settings.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="invite-days">{t('members.settings.inviteDays')}</label>
        <input
          id="invite-days"
          type="number"
          min={MEMBER_LIMITS.minInviteDays}
          max={MEMBER_LIMITS.maxInviteDays}
          value={inviteDays}
          onChange={(e) => setInviteDays(Number(e.currentTarget.value))}
        />
        <label htmlFor="gap-points">{t('members.settings.gapPoints')}</label>
        <input
          id="gap-points"
          type="number"
          min={1}
          max={50}
          value={gapPoints}
          onChange={(e) => setGapPoints(Number(e.currentTarget.value))}
        />
        <fieldset>
          <legend>{t('members.settings.publishHeading')}</legend>
          <p className="hint">{t('members.settings.publishIntro', { minimum: MEMBER_LIMITS.publishedMinimumCount })}</p>
          {state.categories.map((category) => (
            <label key={category} className="checkbox">
              <input
                type="checkbox"
                checked={published.includes(category)}
                onChange={() =>
                  setPublished((c) => (c.includes(category) ? c.filter((x) => x !== category) : [...c, category]))
                }
              />{' '}
              {category}
            </label>
          ))}
        </fieldset>
        {commands.error && <ErrorNotice error={commands.error} />}
        {saved && <p role="status">{t('members.settings.saved')}</p>}
        <button type="submit">{t('members.settings.save')}</button>
      </form>
    </section>
  );
}
