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
    // A small group's own queue: its facilitator steers it (the server checks which group), as may the moderator.
    'groupQueue:next': ['moderator', 'facilitator'],
    'groupQueue:endTurn': ['moderator', 'facilitator'],
    'announcement:post': ['moderator'],
    'announcement:clear': ['moderator'],
    'moderation:mute': ['moderator'],
    'moderation:unmute': ['moderator'],
    'moderation:remove': ['moderator'],
    'session:resync': ['moderator', 'facilitator', 'note_taker', 'member'],
    // The server's clock is no secret: narrow seats may ask it too (their page counts down to a deadline).
    'clock:ping': ['moderator', 'facilitator', 'note_taker', 'member', 'respondent', 'leader'],
    'standard:lock': ['moderator'],
    'standard:unlock': ['moderator'],
    'standard:setLadder': ['moderator', 'member'],
    'vote:open': ['moderator'],
    // Moderators, facilitators and note-takers steer or write and stay neutral: only members vote.
    'vote:cast': ['member'],
    'vote:close': ['moderator'],
    'vote:continue': ['moderator'],
    // The in-room paper count: ticked against the check-in list, totals entered by two facilitators.
    'vote:markPaper': ['moderator', 'facilitator'],
    'vote:enterPaperTotals': ['facilitator'],
    'vote:enterSupportPaperTotals': ['facilitator'],
    'vote:enterPaperBallots': ['facilitator'],
    'amendment:propose': ['moderator', 'member'],
    'amendment:cosign': ['moderator', 'member'],
    'amendment:table': ['moderator'],
    // A change suggested in place in the standard's text; withdrawn by its proposer only (checked in the handler).
    'amendment:suggest': ['moderator', 'member'],
    'amendment:withdraw': ['moderator', 'member'],
    'dissent:write': ['member'],
    'dissent:cosign': ['member'],
    'comment:post': ['moderator', 'member'],
    'comment:hide': ['moderator'],
    // Members give their view of each paragraph; moderators and facilitators stay neutral.
    'consensus:mark': ['member'],
    // Moderators steer a breach case; members deliberate (queue, groups, the reasoning document) and vote.
    'case:open': ['moderator'],
    'case:advance': ['moderator'],
    'case:reply': ['moderator'],
    'case:addEvidence': ['moderator'],
    'case:dismiss': ['moderator'],
    'case:openVote': ['moderator'],
    // Case panels: a member steps aside from a case; the moderator prepares and draws its panel.
    'case:declareConflict': ['member'],
    'case:preparePanel': ['moderator'],
    'case:drawPanel': ['moderator'],
    // Accountability: moderators hand out the narrow seats; each narrow role has its own commands and no other.
    'respondent:invite': ['moderator'],
    'response:publish': ['respondent'],
    'response:update': ['respondent'],
    'leader:invite': ['moderator'],
    'leader:setDeadline': ['moderator'],
    'leader:reply': ['leader'],
    'roster:list': ['moderator'],
    'roster:invite': ['moderator'],
    'roster:reissue': ['moderator'],
    'roster:setRole': ['moderator'],
    'roster:revoke': ['moderator'],
    // Moderators are always shown by name: facilitators are public figures.
    // Members' names, contact details and demographics are the organisers' (their HTTP API, ORGANISE_ROUTES.members*),
    // never a seat's. A facilitator sees the needs of the members they steer, nothing else about them.
    'members:tableNeeds': ['facilitator'],
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
    // The learning phase: everyone with a seat reads the library; the lead moderator curates it,
    // schedules expert sessions, cites evidence and picks the questions put to a speaker (facilitators
    // steer one small group, not the plenary); members ask and support questions.
    'evidence:open': ['moderator', 'facilitator', 'note_taker', 'member'],
    'evidence:add': ['moderator'],
    'evidence:edit': ['moderator'],
    'evidence:expertSession': ['moderator'],
    'evidence:cite': ['moderator'],
    'question:ask': ['member'],
    'question:support': ['member'],
    'question:answer': ['moderator'],
    'question:hide': ['moderator'],
    // A standard's history is as public as its text: every seat reads it, observers on the watch side.
    'history:list': ['moderator', 'facilitator', 'note_taker', 'member'],
    'history:diff': ['moderator', 'facilitator', 'note_taker', 'member'],
    'history:moments': ['moderator', 'facilitator', 'note_taker', 'member'],
    // Only the member concerned appeals (checked on the server); a moderator other than the actor decides.
    'appeal:file': ['member'],
    'appeal:decide': ['moderator'],
    // The report's statements are the members' own voice; moderators keep the report fit to publish.
    'report:writeStatement': ['member'],
    'report:hideStatement': ['moderator'],
    'report:myStatement': ['member'],
    // Whoever holds a seat through a session cookie sees and signs out their own devices (never another's).
    'devices:list': ['moderator', 'facilitator', 'note_taker', 'member'],
    'devices:signOut': ['moderator', 'facilitator', 'note_taker', 'member'],
  },
  watch: {
    'doc:open': ['observer'],
    'doc:close': ['observer'],
    'clock:ping': ['observer'],
    'members:published': ['observer'],
    'session:resync': ['observer'],
    'evidence:open': ['observer'],
    'history:list': ['observer'],
    'history:diff': ['observer'],
    'history:moments': ['observer'],
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
