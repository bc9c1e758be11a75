/**
 * Amendments suggested in place (tracked changes in a standard's text): loaded with the
 * amendments' components (`addEnglish` in `features/amendments/suggestionStrings.ts`). Welsh: `cySuggestions.ts`.
 */
export const enSuggestions = {
  suggestions: {
    suggest: 'Suggest a change to the selected words',
    how: 'Select words in one paragraph of the text, then suggest how they should read.',
    selectFirst: 'Select the words you want to change first.',
    oneParagraph: 'Select words within one paragraph (a suggestion cannot cross paragraphs or line breaks).',
    heading: 'Suggest a change',
    replacing: 'Replacing:',
    inserting: 'Inserting after the selected point.',
    wordingLabel: 'Suggested words',
    wordingHint:
      'Bold, italic and the other formatting stay as you write them. Leave empty to suggest removing the words.',
    reasonLabel: 'Why (optional)',
    submit: 'Suggest this change',
    cancel: 'Cancel',
    sending: 'Sending…',
    unchanged: 'Change the words first: the suggestion is the same as the text.',
    tooLong: 'A suggestion is at most {{max}} characters.',
    spoken: 'Suggested by {{name}}: replace “{{quote}}” with “{{text}}”.',
    spokenInsert: 'Suggested by {{name}}: insert “{{text}}”.',
    spokenDelete: 'Suggested by {{name}}: remove “{{quote}}”.',
    spokenCosigned: 'Co-signed by {{names}}.',
    byline: '{{name}}',
    bylineCosigned: '{{name}} +{{count}}',
    replace: 'Replace',
    with: 'with',
    remove: 'Remove',
    insert: 'Insert',
    staleNotice: 'The text it changes was edited since: it can no longer be applied. Withdraw it and suggest again.',
    withdraw: 'Withdraw',
    withdrawLabel: 'Withdraw your suggestion',
    statuses: { withdrawn: 'Withdrawn', stale: 'Passed, but its text had changed: nothing was applied' },
  },
};
