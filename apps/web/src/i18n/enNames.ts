/** How pages name people (`names.ts`): bundled with every page, the watch page's speaker too. */
export const enNames = {
  words: {
    /** The public names a moderator or facilitator by role and name; a member by pseudonym or their name. */
    named: { moderator: 'moderator {{name}}', facilitator: 'facilitator {{name}}' },
    pseudonym: 'Member {{seat}}',
  },
};
