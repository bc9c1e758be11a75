import { ORGANISE_ROUTES, watchPath } from '@moot/protocol';
import type { ListedAssembly } from '@moot/protocol';
import { useEffect, useState } from 'react';

/**
 * The assemblies organisers chose to list, each by its title linking to its public watch page;
 * nothing while there are none. It adds no strings of its own (it sits under "Watching"): every
 * byte the home page's chunk carries, the watch page (on a size budget) carries too.
 */
export default function ListedAssemblies() {
  const [listed, setListed] = useState<ListedAssembly[]>([]);
  useEffect(() => {
    let current = true;
    // A plain fetch: nothing to explain if it fails (the home page reads the same without the list).
    fetch(ORGANISE_ROUTES.listed)
      .then((response) => (response.ok ? (response.json() as Promise<{ assemblies: ListedAssembly[] }>) : null))
      .then((body) => current && body && setListed(body.assemblies))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  if (listed.length === 0) return null;
  return (
    <ul data-testid="listed-assemblies">
      {listed.map((a) => (
        <li key={a.id}>
          <a href={watchPath(a.watchKey)}>{a.title}</a>
          <p className="hint">{a.charge}</p>
        </li>
      ))}
    </ul>
  );
}
