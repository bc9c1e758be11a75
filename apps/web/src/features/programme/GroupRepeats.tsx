import type { GroupMethod, GroupRepeats as Repeats } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enProgramme } from '../../i18n/enProgramme.ts';
import './programme.css';

addEnglish(enProgramme);

/** Moderators: who in the running groups was in a group together before (recounted after every move). */
export function GroupRepeats({ repeats, names }: { repeats: Repeats | null; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (!repeats) return null;
  return (
    <div className="repeat-pairs" data-testid="repeat-pairs">
      <h3>{t('programme.repeatsHeading')}</h3>
      {repeats.count === 0 ? (
        <p>{t('programme.repeatsNone')}</p>
      ) : (
        <>
          <p>{t('programme.repeats', { count: repeats.count })}</p>
          <ul>
            {repeats.pairs.map((pair) => (
              <li key={`${pair.a}+${pair.b}`}>
                {t('programme.repeatPair', {
                  a: names.get(pair.a) ?? '?',
                  b: names.get(pair.b) ?? '?',
                  times: pair.times,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The choice of how groups are formed: at random, or balanced and rotated. */
export function GroupMethodField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: GroupMethod;
  onChange: (value: GroupMethod) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <label htmlFor={id}>{t('programme.groupMethod')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as GroupMethod)}>
        <option value="random">{t('programme.groupMethods.random')}</option>
        <option value="balanced">{t('programme.groupMethods.balanced')}</option>
      </select>
    </div>
  );
}
