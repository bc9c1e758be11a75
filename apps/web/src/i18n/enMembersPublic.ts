/** The watch page's part: loaded with the published aggregate's own chunk. */
export const enMembersPublic = {
  membersPublic: {
    heading: 'Who was selected',
    intro:
      'The organisers chose to publish these counts of selected members. Counts under {{minimum}} are shown as “fewer than {{minimum}}” to protect privacy.',
    fewer: 'fewer than {{minimum}}',
    value: 'Value',
    count: 'Members',
  },
};
