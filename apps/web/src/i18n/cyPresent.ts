import type { Messages } from './en.ts';

/** Cymraeg for present mode (`enPresent.ts`; to be reviewed by a Welsh speaker). */
export const cyPresent: Pick<Messages, 'present'> = {
  present: {
    title: 'Modd cyflwyno',
    agenda: 'Agenda',
    noAgenda: 'Dim agenda eto.',
    noSession: 'Does dim sesiwn yn rhedeg.',
    current: 'Nawr',
    itemState: { pending: 'Nesaf', running: 'Nawr', paused: 'Wedi oedi', done: 'Wedi gorffen' },
    speaker: 'Yn siarad',
    nobodySpeaking: 'Does neb yn siarad',
    nextUp_zero: '{{count}} llaw i fyny',
    nextUp_one: '{{count}} llaw i fyny',
    nextUp_two: '{{count}} law i fyny',
    nextUp_few: '{{count}} llaw i fyny',
    nextUp_many: '{{count}} llaw i fyny',
    nextUp_other: '{{count}} llaw i fyny',
    drafting: 'Y testun sy’n cael ei ddrafftio',
    nothingDrafted: 'Does dim safon yn cael ei thrafod.',
    standardHeading: 'Safon {{position}}: {{title}}',
    lastVote: 'Y bleidlais ddiwethaf',
    noVote: 'Does dim pleidlais wedi cau eto.',
    voteOpen: 'Mae’r bleidlais ar agor: {{turnout}} o {{eligible}} wedi pleidleisio.',
    bar: '{{choice}}: {{count}} ({{percent}}%)',
    chartLabel: 'Canlyniadau “{{question}}”',
    forModerators:
      'Mae’r modd cyflwyno ar gyfer y cymedrolwr (agorwch ef o’r consol) neu ar gyfer sgrin ystafell gydag allwedd y ddolen wylio: /present#<allwedd wylio>.',
    exit: 'Gadael y modd cyflwyno',
  },
};
