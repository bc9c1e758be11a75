import { ORGANISE_ROUTES, watchPath } from '@moot/protocol';
import type { ListedAssembly } from '@moot/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/http.ts';

/** The assemblies organisers chose to list, each with its public watch link; nothing while there are none. */
export function ListedAssemblies() {
  const { t } = useTranslation();
  const id = useId();
  const [listed, setListed] = useState<ListedAssembly[]>([]);
  useEffect(() => {
    let current = true;
    void getJson<{ assemblies: ListedAssembly[] }>(ORGANISE_ROUTES.listed).then((result) => {
      if (current && result.ok) setListed(result.data.assemblies);
    });
    return () => {
      current = false;
    };
  }, []);
  if (listed.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="listed-assemblies">
      <h2 id={`${id}-h`}>{t('home.listedHeading')}</h2>
      <ul>
        {listed.map((a) => (
          <li key={a.id}>
            <a href={watchPath(a.watchKey)}>{t('home.watchLink', { title: a.title })}</a>
            {a.archived && ` ${t('home.archived')}`}
            <p className="hint">{a.charge}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
