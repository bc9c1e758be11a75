import { z } from 'zod';
import type { AssemblyView } from './assembly.ts';
import { secret } from './assembly.ts';
import { LIMITS } from './limits.ts';
import type { RosterEntry } from './roster.ts';
import { PARTICIPANT_ROLES, type ParticipantRole } from './roles.ts';

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
  /** GET, public: the listed assemblies, for the home page. */
  listed: '/api/assemblies/listed',
} as const;

/** A route with the assembly's id filled in. */
export const organisePath = (route: string, assemblyId: string): string =>
  route.replace(':assemblyId', encodeURIComponent(assemblyId));

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
];

const day = z.iso.date({ error: 'A date is written YYYY-MM-DD' });

/** What an organiser writes about an assembly (create and edit). */
export const assemblyDetailsSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1, 'An assembly needs a title')
      .max(LIMITS.maxTitleLength, `A title is at most ${LIMITS.maxTitleLength} characters`),
    charge: z
      .string()
      .trim()
      .min(1, 'An assembly needs a charge: the question it answers')
      .max(LIMITS.maxChargeLength, `A charge is at most ${LIMITS.maxChargeLength} characters`),
    description: z
      .string()
      .trim()
      .max(LIMITS.maxDescriptionLength, `A description is at most ${LIMITS.maxDescriptionLength} characters`),
    languages: z
      .array(z.enum(ASSEMBLY_LANGUAGES, { error: 'Languages are en or cy' }))
      .min(1, 'Offer at least one language')
      .max(ASSEMBLY_LANGUAGES.length)
      .refine((l) => new Set(l).size === l.length, 'Each language once'),
    startsOn: day.nullable(),
    endsOn: day.nullable(),
    commissionedBy: z
      .string()
      .trim()
      .max(
        LIMITS.maxCommissionedByLength,
        `Who commissioned it is at most ${LIMITS.maxCommissionedByLength} characters`,
      ),
    listed: z.boolean(),
  })
  .refine((d) => d.startsOn === null || d.endsOn === null || d.startsOn <= d.endsOn, {
    message: 'The end date is before the start date',
    path: ['endsOn'],
  });
export type AssemblyDetails = z.infer<typeof assemblyDetailsSchema>;

export const openOrganiserLinkSchema = z.strictObject({ secret });
export const appointSchema = z.strictObject({ role: z.enum(PARTICIPANT_ROLES) });
export const seatRefSchema = z.strictObject({ participantId: z.uuid() });
export const emptyBodySchema = z.strictObject({});
export const assemblyIdParamSchema = z.uuid({ error: 'Not an assembly id' });

export interface OrganiserView {
  id: string;
  /** "Organiser N", numbered in the order organisers arrived on this instance. */
  label: string;
}

/** One assembly as its organisers see it in their list. */
export interface OrganisedAssembly extends AssemblyView, Omit<AssemblyDetails, 'title' | 'charge'> {
  archived: boolean;
  createdAt: string;
}

/** `GET assembly`: the assembly, its seats and its organisers. */
export interface OrganisedAssemblyDetail {
  assembly: OrganisedAssembly;
  roster: RosterEntry[];
  organisers: OrganiserView[];
  /** The public watch link's secret while the assembly is listed (it is public then); null otherwise (rotate to see a new one). */
  listedWatchKey: string | null;
}

export interface OrganisedList {
  me: OrganiserView;
  assemblies: OrganisedAssembly[];
}

export interface Appointed {
  entry: RosterEntry;
  role: ParticipantRole;
  inviteSecret: string;
}

/** The home page's list: listed assemblies and their public watch links. */
export interface ListedAssembly extends AssemblyView {
  description: string;
  languages: AssemblyLanguage[];
  startsOn: string | null;
  endsOn: string | null;
  commissionedBy: string;
  watchKey: string;
  archived: boolean;
}
