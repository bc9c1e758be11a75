import type { Messages } from './en.ts';

/**
 * Welsh for `enSuggestions.ts` (amendments suggested in place). Machine-assisted best effort:
 * needs review by a Welsh speaker before release.
 */
export const cySuggestions: Pick<Messages, 'suggestions'> = {
  suggestions: {
    suggest: 'Awgrymu newid i’r geiriau a ddewiswyd',
    how: 'Dewiswch eiriau mewn un paragraff o’r testun, yna awgrymwch sut y dylen nhw ddarllen.',
    selectFirst: 'Dewiswch y geiriau rydych chi am eu newid yn gyntaf.',
    oneParagraph: 'Dewiswch eiriau o fewn un paragraff (ni all awgrym groesi paragraffau na thoriadau llinell).',
    heading: 'Awgrymu newid',
    replacing: 'Yn lle:',
    inserting: 'Yn ychwanegu ar ôl y pwynt a ddewiswyd.',
    wordingLabel: 'Y geiriau a awgrymir',
    wordingHint:
      'Mae print trwm, italig a’r fformatio arall yn aros fel rydych chi’n eu hysgrifennu. Gadewch yn wag i awgrymu dileu’r geiriau.',
    reasonLabel: 'Pam (dewisol)',
    submit: 'Awgrymu’r newid hwn',
    cancel: 'Canslo',
    sending: 'Yn anfon…',
    unchanged: 'Newidiwch y geiriau yn gyntaf: mae’r awgrym yr un fath â’r testun.',
    tooLong: 'Mae awgrym yn {{max}} nod ar y mwyaf.',
    spoken: 'Awgrymwyd gan {{name}}: rhoi “{{text}}” yn lle “{{quote}}”.',
    spokenInsert: 'Awgrymwyd gan {{name}}: ychwanegu “{{text}}”.',
    spokenDelete: 'Awgrymwyd gan {{name}}: dileu “{{quote}}”.',
    spokenCosigned: 'Cyd-lofnodwyd gan {{names}}.',
    byline: '{{name}}',
    bylineCosigned: '{{name}} +{{count}}',
    replace: 'Rhoi yn lle',
    with: 'hyn:',
    remove: 'Dileu',
    insert: 'Ychwanegu',
    staleNotice:
      'Cafodd y testun y mae’n ei newid ei olygu ers hynny: ni ellir ei gymhwyso mwyach. Tynnwch ef yn ôl ac awgrymu eto.',
    withdraw: 'Tynnu’n ôl',
    withdrawLabel: 'Tynnu eich awgrym yn ôl',
    statuses: { withdrawn: 'Wedi’i dynnu’n ôl', stale: 'Pasiwyd, ond roedd ei destun wedi newid: ni chymhwyswyd dim' },
  },
};
