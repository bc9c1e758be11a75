/**
 * The organisers' routes and names, apart from their schemas (`organise.ts`): plain constants,
 * so a page that only needs a path does not carry zod's schemas with it.
 */
/**
 * Organisers run assemblies for the instance: they create, edit and archive them, appoint their
 * moderators and members (invite links) and hand out the watch link. An organiser is not a role
 * in an assembly (`ROLES`): they never join its sessions; they hold an organiser session, set by
 * opening a one-time organiser link (`npm run moot -- organiser-link` prints one).
 */
export const ORGANISE_ROUTES = {
  /** POST {secret}: an organiser link becomes an organiser session cookie (the link is used up). */
  open: '/api/organise/open',
  /** GET: who I am as an organiser (401 without an organiser session). */
  me: '/api/organise/me',
  logout: '/api/organise/logout',
  /** GET: the assemblies I run; POST {details}: create one. */
  assemblies: '/api/organise/assemblies',
  /** GET: one assembly I run, with its roster and organisers. */
  assembly: '/api/organise/assemblies/:assemblyId',
  /** POST {details}: change its details. */
  edit: '/api/organise/assemblies/:assemblyId/edit',
  /** POST {}: archive it (read-only from then on). */
  archive: '/api/organise/assemblies/:assemblyId/archive',
  /** POST {role}: appoint someone to a seat; answers with their invite link's secret (shown once). */
  appoint: '/api/organise/assemblies/:assemblyId/appoint',
  /** POST {participantId}: a new invite link for a seat (the old one stops working). */
  reissue: '/api/organise/assemblies/:assemblyId/reissue',
  /** POST {participantId}: revoke a seat (its invite and sessions stop working). */
  revoke: '/api/organise/assemblies/:assemblyId/revoke',
  /** POST {}: a new public watch link (the old one stops working). */
  watchLink: '/api/organise/assemblies/:assemblyId/watch-link',
  /** POST {}: a one-time link that makes whoever opens it a co-organiser of this assembly. */
  coOrganiserLink: '/api/organise/assemblies/:assemblyId/co-organiser-link',
  /**
   * The members the civic lottery drew, for the assembly's organisers only (no seat's cookie
   * opens these). GET: every member with contact details, demographics, needs and cards' state.
   */
  members: '/api/organise/assemblies/:assemblyId/members',
  /** POST, the CSV itself as the body (`text/csv`): what importing it would do. Writes nothing. */
  membersPreview: '/api/organise/assemblies/:assemblyId/members/preview',
  /** POST, the same CSV, `?previewHash=` from its preview: imports exactly what was previewed (else `stale`). */
  membersImport: '/api/organise/assemblies/:assemblyId/members/import',
  /** POST {memberId, replacementId}: a member dropped out and a reserve takes their place (history kept). */
  membersReplace: '/api/organise/assemblies/:assemblyId/members/replace',
  /** POST {memberId, needs, consent}: a member's access needs, recorded only with their consent. */
  membersNeeds: '/api/organise/assemblies/:assemblyId/members/needs',
  /** POST {memberIds}: new invite cards (link and typed code); their earlier cards stop working. */
  membersCards: '/api/organise/assemblies/:assemblyId/members/cards',
  /** POST {inviteDays, publishedCategories, gapPoints}. */
  membersSettings: '/api/organise/assemblies/:assemblyId/members/settings',
  /** POST, a quota CSV as the body (`text/csv`): target shares (category, value, share or count). */
  membersQuotas: '/api/organise/assemblies/:assemblyId/members/quotas',
  /** POST {sessionId}: target, selected and present shares per category (the sitting's, or the live or latest one). */
  membersRepresentation: '/api/organise/assemblies/:assemblyId/members/representation',
  /**
   * POST {caseNumber}: a case panel's draw file (pool ids with their categories, quotas, size; the
   * seed and the room's numbers once drawn), for re-running the draw (`verify-panel`).
   */
  panelFile: '/api/organise/assemblies/:assemblyId/panels/file',
  /** GET, public: the listed assemblies, for the home page. */
  listed: '/api/assemblies/listed',
} as const;

/** A route with the assembly's id filled in. */
export const organisePath = (route: string, assemblyId: string): string =>
  route.replace(':assemblyId', encodeURIComponent(assemblyId));

/** The content type of a CSV sent to the members' routes (the file's bytes, as chosen). */
export const CSV_CONTENT_TYPE = 'text/csv';

/** The HttpOnly cookie of an organiser's session; sent only to the organisers' API. */
export const ORGANISER_COOKIE = 'moot_organiser';
export const ORGANISER_COOKIE_PATH = '/api/organise';

/** The path of an organiser link; the secret is in the fragment, so it never reaches a server log. */
export const organiserLinkPath = (linkSecret: string): string => `/organise/open#${linkSecret}`;
/** The path of a watch link. */
export const watchPath = (watchKey: string): string => `/watch#${watchKey}`;

/** Languages an assembly may be run in. */
export const ASSEMBLY_LANGUAGES = ['en', 'cy'] as const;
export type AssemblyLanguage = (typeof ASSEMBLY_LANGUAGES)[number];

/** Events an archived assembly still answers: reading its documents and roster. Everything else is refused (`archived`); document edits are refused as locked. */
export const ARCHIVE_ALLOWS: readonly string[] = [
  'doc:open',
  'doc:close',
  'doc:sync',
  'doc:awareness',
  'clock:ping',
  'roster:list',
  'evidence:open',
  'history:list',
  'history:diff',
  'history:moments',
  // A member's own statement for the report is read, not changed.
  'report:myStatement',
];
