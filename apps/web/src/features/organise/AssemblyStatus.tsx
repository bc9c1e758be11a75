import type { OrganisedAssembly } from '@moot/protocol';
import { useTranslation } from 'react-i18next';

/** Archived, listed or unlisted, in words. */
export function AssemblyStatus({ assembly }: { assembly: Pick<OrganisedAssembly, 'archived' | 'listed'> }) {
  const { t } = useTranslation();
  const status = assembly.archived ? 'archived' : assembly.listed ? 'listed' : 'unlisted';
  return <span className={`organise-status organise-status-${status}`}>{t(`organise.status.${status}`)}</span>;
}
