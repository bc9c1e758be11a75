/**
 * A standard's version history (points in time, the changes between two, who wrote each):
 * loaded with the history chunk (`addEnglish` in `HistorySection.tsx`). Welsh: `cyHistory.ts`.
 */
export const enHistory = {
  history: {
    heading: 'History of “{{title}}”',
    intro:
      'Compare the text at any two points: inserted text is underlined, deleted text struck through, and each stretch is coloured by who wrote it (deleted text by who deleted it, where the record knows).',
    back: 'Back to the charter',
    loading: 'Loading the history…',
    notFound: 'This standard is not in the charter.',
    from: 'From',
    to: 'To',
    points: {
      locked: 'Locked, {{at}}',
      adopted: 'Adopted, {{at}}',
      amended: 'Changed by {{label}}, {{at}}',
      saved: 'Saved, {{at}}',
      moment: 'Edit by {{label}}, {{at}}',
      now: 'Now',
    },
    moments: 'Show earlier edits',
    momentsHint: 'Besides saved points, each edit since the text was last saved is a point you can pick.',
    colours: 'Show authorship colours',
    text: 'Text',
    empty: 'No text at either point.',
    inserted: 'inserted',
    deleted: 'deleted',
    authorsHeading: 'Who wrote what',
    legend: 'Authors',
    paragraph: 'Paragraph {{number}}',
    writtenBy: 'written by {{names}}',
    insertedBy: 'inserted by {{names}}',
    deletedFrom: 'deleted text written by {{names}}',
    deletedBy: 'deleted by {{names}}',
    deletedByWriter: 'deleted by {{deleter}}, written by {{writer}}',
    unchanged: 'No changes between these two points.',
    roleName: '{{name}} ({{role}})',
    roles: { moderator: 'moderator', facilitator: 'facilitator' },
    decision: 'the assembly’s decision',
    unknown: 'an earlier author',
    and: ' and ',
    list: ', ',
  },
};
