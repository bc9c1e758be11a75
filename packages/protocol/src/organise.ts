import { z } from 'zod';
import type { AssemblyView } from './assembly.ts';
import { secret } from './assemblySchemas.ts';
import { LIMITS } from './limits.ts';
import type { RosterEntry } from './roster.ts';
import { PARTICIPANT_ROLES, type ParticipantRole } from './roles.ts';
import { ASSEMBLY_LANGUAGES, type AssemblyLanguage } from './organiseRoutes.ts';

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

/** Why an organiser's request was refused (`organise.*`); an archived assembly is `command.archived`. */
export const ORGANISE_REASONS = [
  'notAnAssemblyId',
  'assemblyNotFound',
  'tooManyAssemblies',
  'alreadyArchived',
  'tooManySeats',
] as const;
