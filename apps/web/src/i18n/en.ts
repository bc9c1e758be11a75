/**
 * Every user-visible string, English first. Another language is a copy of this object with the
 * same keys (the type below makes a missing key a compile error), registered in `i18n/index.ts`.
 */
export const en = {
  app: {
    name: 'Moot',
    tagline: "Live deliberation for citizens' assemblies",
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    signOut: 'Sign out',
  },
  home: {
    title: 'Welcome to Moot',
    intro:
      "Moot is where a citizens' assembly drafts its charter of standards together, live, in facilitated sessions.",
    joinHeading: 'Taking part',
    join: 'Members and moderators join through the personal invite link they were sent. Open that link on this device to take your seat.',
    watchHeading: 'Watching',
    watch:
      'Anyone can follow an assembly through its public watch link: the charge, the charter and the draft text as it changes.',
    noLink: 'There is nothing to open here without a link. If you lost yours, ask the assembly’s facilitators.',
  },
  join: {
    title: 'Join your assembly',
    checking: 'Checking your invite…',
    missingLink: 'This page needs the full invite link you were sent. Open that link again, without changing it.',
    invitedAs: 'You are invited as a {{role}}.',
    chargeLabel: 'The question this assembly answers',
    nameLabel: 'Your name',
    nameHint:
      'Other members see this name. On the public watch page you appear as a pseudonym such as “Member 17”. Between {{min}} and {{max}} characters.',
    submit: 'Join the assembly',
    submitting: 'Joining…',
  },
  roles: {
    moderator: 'moderator',
    member: 'member',
  },
  assembly: {
    loading: 'Opening your assembly…',
    noSession: 'You are not signed in on this device. Open your invite link again to take your seat.',
    signedInAs: 'Signed in as {{name}} ({{role}})',
    chargeLabel: 'Our charge',
    connecting: 'Connecting to the assembly…',
    protocolMismatch: 'Moot has been updated. Reload the page to continue.',
    reload: 'Reload',
  },
  charter: {
    heading: 'Charter',
    empty: 'The charter has no standards yet.',
    emptyMember: 'The charter has no standards yet. Add the first one below.',
    position: 'Standard {{position}}',
    statuses: {
      drafting: 'Drafting',
      locked: 'Locked',
      adopted: 'Adopted',
      rejected: 'Rejected',
    },
    readOnlyNotice: '{{status}}: this text can no longer be edited here.',
    added: 'Standard added: {{title}}',
    removed: 'Standard removed: {{title}}',
  },
  standard: {
    textHeading: 'Text',
    breachHeading: 'What a breach looks like',
    textLabel: 'Text of {{title}}',
    breachLabel: 'What a breach looks like: {{title}}',
    loadingText: 'Loading text…',
    showSaved: 'Discard my unsaved edits and show the saved text',
  },
  addStandard: {
    heading: 'Add a standard',
    inputLabel: 'New standard title',
    hint: 'Up to {{max}} characters. You can write its text once it is added.',
    submit: 'Add standard',
    submitting: 'Adding…',
  },
  retitle: {
    edit: 'Rename',
    editLabel: 'Rename: {{title}}',
    inputLabel: 'Title of “{{title}}”',
    save: 'Save title',
    cancel: 'Cancel',
  },
  moderate: {
    controlsLabel: 'Actions for “{{title}}”',
    moveUp: 'Move up',
    moveUpLabel: 'Move up: {{title}}',
    moveDown: 'Move down',
    moveDownLabel: 'Move down: {{title}}',
    remove: 'Remove',
    removeLabel: 'Remove: {{title}}',
    confirmQuestion: 'Remove “{{title}}” from the charter? Its text stays on record.',
    confirmRemove: 'Confirm removal',
    cancel: 'Keep it',
  },
  connection: {
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    saving: 'Saving…',
    saved: 'All changes saved',
    queued: 'Edits queued until the connection returns',
    saveError: 'Some edits were not saved',
    label: 'Connection',
  },
  watchers: {
    count_one: '{{count}} watching',
    count_other: '{{count}} watching',
  },
  watch: {
    title: 'Public live view',
    readOnly: 'You are watching a read-only live view. Members appear under pseudonyms.',
    missingLink: 'This page needs the full watch link. Open that link again, without changing it.',
    connecting: 'Connecting to the live view…',
  },
  validation: {
    nameRequired: 'Please enter your name.',
    nameTooLong: 'A name is at most {{max}} characters.',
    titleRequired: 'A standard needs a title.',
    titleTooLong: 'A title is at most {{max}} characters.',
  },
  errors: {
    bad_request: 'That was not accepted: {{message}}',
    unauthorized: 'This link is not valid, or it has been revoked. Ask the facilitators for a new one.',
    forbidden: 'Your role does not allow that.',
    not_found: 'This link is not valid, or it has been revoked. Ask the facilitators for a new one.',
    too_large: 'That change is too large to save.',
    rate_limited: 'Too many changes at once. Wait a moment and try again.',
    limit_reached: 'A limit was reached: {{message}}',
    locked: 'This standard is locked, so the change was not saved.',
    unavailable: 'The server could not be reached. Check your connection and try again.',
    protocol_mismatch: 'Moot has been updated. Reload the page to continue.',
    internal: 'Something went wrong on the server. Try again in a moment.',
    network: 'The server could not be reached. Check your connection and try again.',
    unexpected: 'The server sent an unexpected answer. Try again in a moment.',
  },
} as const;

/** The shape every translation must have: the same keys, any strings. */
type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
export type Messages = Translation<typeof en>;
