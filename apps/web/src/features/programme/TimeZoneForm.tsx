import { DEFAULT_TIME_ZONE } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';

/** The zones `Intl` knows, for the picker; the assembly's own first if the list lacks it. */
function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE];
  return known.includes(current) ? known : [current, ...known];
}

/** The assembly's IANA time zone: every sitting is planned and shown in it. */
export function TimeZoneForm({ timeZone, run }: { timeZone: string; run: CommandRunner['run'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState(timeZone);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run('programme:setTimeZone', { timeZone: chosen }).then(setSaved);
      }}
    >
      <label htmlFor={`${id}-zone`}>{t('programme.timeZone')}</label>
      <select
        id={`${id}-zone`}
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          setSaved(false);
        }}
      >
        {zones(timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {t('programme.saveTimeZone')}
      </button>
      <span role="status">{saved ? t('programme.timeZoneSaved') : ''}</span>
    </form>
  );
}
