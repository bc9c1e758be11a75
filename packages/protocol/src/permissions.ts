import type { AssemblyClientEvent, WatchClientEvent } from './events.ts';
import type { Role } from './roles.ts';

/**
 * The one permissions table: which roles may send each client event, per namespace.
 * The server's `on()` wrapper consults it before any handler runs; a test walks every
 * event for every role. An event missing here cannot be registered.
 */
export const PERMISSIONS = {
  assembly: {
    // Everyone with a seat opens documents; what each may write is the document's own rule
    // (a note-taker writes only their group's pad, a facilitator their group's pad and nothing drafted).
    'doc:open': ['moderator', 'facilitator', 'note_taker', 'member'],
    'doc:close': ['moderator', 'facilitator', 'note_taker', 'member'],
    'doc:sync': ['moderator', 'facilitator', 'note_taker', 'member'],
    'doc:awareness': ['moderator', 'facilitator', 'note_taker', 'member'],
    'standard:add': ['moderator', 'member'],
    'standard:retitle': ['moderator', 'member'],
    'standard:move': ['moderator'],
    'standard:remove': ['moderator'],
    'session:create': ['moderator'],
    'session:configure': ['moderator'],
    'session:start': ['moderator'],
    'session:end': ['moderator'],
    'agenda:add': ['moderator'],
    'agenda:move': ['moderator'],
    'agenda:remove': ['moderator'],
    'agenda:start': ['moderator'],
    'agenda:pause': ['moderator'],
    'agenda:extend': ['moderator'],
    'agenda:end': ['moderator'],
    'agenda:next': ['moderator'],
    'attendance:checkIn': ['moderator', 'facilitator', 'note_taker', 'member'],
    'attendance:checkOut': ['moderator', 'facilitator', 'note_taker', 'member'],
    // At the door or the table: a facilitator (only their own group's members while groups run).
    'attendance:checkInFor': ['moderator', 'facilitator'],
    'attendance:checkOutFor': ['moderator', 'facilitator'],
    'queue:raise': ['moderator', 'member'],
    'queue:lower': ['moderator', 'member'],
    'queue:raiseFor': ['moderator', 'facilitator'],
    'queue:lowerFor': ['moderator', 'facilitator'],
    'queue:next': ['moderator'],
    'queue:endTurn': ['moderator', 'member'],
    'groups:form': ['moderator'],
    'groups:move': ['moderator'],
    'groups:end': ['moderator'],
    'announcement:post': ['moderator'],
    'announcement:clear': ['moderator'],
    'moderation:mute': ['moderator'],
    'moderation:unmute': ['moderator'],
    'moderation:remove': ['moderator'],
    'session:resync': ['moderator', 'facilitator', 'note_taker', 'member'],
    'clock:ping': ['moderator', 'facilitator', 'note_taker', 'member'],
    'standard:lock': ['moderator'],
    'standard:unlock': ['moderator'],
    'standard:setLadder': ['moderator', 'member'],
    'vote:open': ['moderator'],
    // Moderators, facilitators and note-takers steer or write and stay neutral: only members vote.
    'vote:cast': ['member'],
    'vote:close': ['moderator'],
    // The in-room paper count: ticked against the check-in list, totals entered by two facilitators.
    'vote:markPaper': ['moderator', 'facilitator'],
    'vote:enterPaperTotals': ['facilitator'],
    'amendment:propose': ['moderator', 'member'],
    'amendment:cosign': ['moderator', 'member'],
    'amendment:table': ['moderator'],
    'dissent:write': ['member'],
    'dissent:cosign': ['member'],
    'comment:post': ['moderator', 'member'],
    'comment:hide': ['moderator'],
    // Moderators steer a breach case; members deliberate (queue, groups, the reasoning document) and vote.
    'case:open': ['moderator'],
    'case:advance': ['moderator'],
    'case:reply': ['moderator'],
    'case:addEvidence': ['moderator'],
    'case:dismiss': ['moderator'],
    'case:openVote': ['moderator'],
    'roster:list': ['moderator'],
    'roster:invite': ['moderator'],
    'roster:reissue': ['moderator'],
    'roster:setRole': ['moderator'],
    'roster:revoke': ['moderator'],
    // Moderators are always shown by name: facilitators are public figures.
    // Organisers only (for now the assembly's moderators; the members feature's one guard, canManageMembers, decides).
    'members:preview': ['moderator'],
    'members:import': ['moderator'],
    'members:list': ['moderator'],
    'members:replace': ['moderator'],
    'members:setNeeds': ['moderator'],
    'members:issueCards': ['moderator'],
    'members:settings': ['moderator'],
    'members:quotas': ['moderator'],
    'members:representation': ['moderator'],
    'members:myPreferences': ['moderator', 'member'],
    // The livestream shown on the watch page is set by whoever runs the sitting.
    'livestream:set': ['moderator'],
    // The programme is planned by moderators (facilitators may be given it later); everyone sees it.
    'programme:plan': ['moderator'],
    'programme:edit': ['moderator'],
    'programme:cancel': ['moderator'],
    'programme:copyAgenda': ['moderator'],
    'programme:swap': ['moderator'],
    'programme:setTimeZone': ['moderator'],
    // Moderators and facilitators are always shown by name: they are public figures.
    'participant:showName': ['member', 'note_taker'],
  },
  watch: {
    'doc:open': ['observer'],
    'doc:close': ['observer'],
    'clock:ping': ['observer'],
    'members:published': ['observer'],
    'session:resync': ['observer'],
  },
} as const satisfies {
  assembly: Record<AssemblyClientEvent, readonly Role[]>;
  watch: Record<WatchClientEvent, readonly Role[]>;
};

export type Namespace = keyof typeof PERMISSIONS;

export function isAllowed<N extends Namespace>(
  namespace: N,
  event: keyof (typeof PERMISSIONS)[N],
  role: Role,
): boolean {
  const roles = PERMISSIONS[namespace][event] as readonly Role[];
  return roles.includes(role);
}
