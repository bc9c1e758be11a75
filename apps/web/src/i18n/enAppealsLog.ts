/** The public moderation log's appeal lines (the watch page loads only these of `enAppeals.ts`). */
export const enAppealsLog = {
  appeals: {
    log: {
      appealed: 'Appealed: “{{reason}}”',
      pending: 'Appeal pending',
      upheld: 'Upheld: “{{reason}}”',
      overturned: 'Overturned: “{{reason}}”',
    },
  },
};
