import { ORGANISE_ROUTES, organisePath } from '@moot/protocol';
import type {
  Appointed,
  AssemblyDetails,
  OrganisedAssembly,
  OrganisedAssemblyDetail,
  OrganisedList,
  OrganiserView,
} from '@moot/protocol';
import { getJson, postJson } from '../../api/http.ts';

/** The organisers' API; the HttpOnly organiser cookie goes along (same origin). Secrets travel in bodies only. */
const at = (route: string, assemblyId: string) => organisePath(route, assemblyId);

export const openOrganiserLink = (secret: string) =>
  postJson<{ me: OrganiserView; joinedAssembly: string | null }>(ORGANISE_ROUTES.open, { secret });
export const signOut = () => postJson<Record<string, never>>(ORGANISE_ROUTES.logout, {});
export const listMine = () => getJson<OrganisedList>(ORGANISE_ROUTES.assemblies);
export const createAssembly = (details: AssemblyDetails) =>
  postJson<{ assembly: OrganisedAssembly; watchKey: string }>(ORGANISE_ROUTES.assemblies, details);
export const loadAssembly = (id: string) => getJson<OrganisedAssemblyDetail>(at(ORGANISE_ROUTES.assembly, id));
export const saveAssembly = (id: string, details: AssemblyDetails) =>
  postJson<{ watchKey: string | null }>(at(ORGANISE_ROUTES.edit, id), details);
export const archiveAssembly = (id: string) => postJson<{ archived: true }>(at(ORGANISE_ROUTES.archive, id), {});
export const appoint = (id: string, role: Appointed['role']) =>
  postJson<Appointed>(at(ORGANISE_ROUTES.appoint, id), { role });
export const reissue = (id: string, participantId: string) =>
  postJson<{ inviteSecret: string }>(at(ORGANISE_ROUTES.reissue, id), { participantId });
export const revoke = (id: string, participantId: string) =>
  postJson<{ revoked: true }>(at(ORGANISE_ROUTES.revoke, id), { participantId });
export const rotateWatchLink = (id: string) => postJson<{ watchKey: string }>(at(ORGANISE_ROUTES.watchLink, id), {});
export const coOrganiserLink = (id: string) =>
  postJson<{ secret: string }>(at(ORGANISE_ROUTES.coOrganiserLink, id), {});
