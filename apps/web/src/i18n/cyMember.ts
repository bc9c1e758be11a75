import type { Messages } from './en.ts';

/** Cymraeg for the member's screen (`enMember.ts`; to be reviewed by a Welsh speaker). */
export const cyMember: Pick<Messages, 'member'> = {
  member: {
    menu: 'Dewislen',
    menuLabel: 'Dewislen: eich enw, iaith, allgofnodi',
    sections: 'Adrannau',
    openVotes_one: '({{count}} ar agor)',
    openVotes_other: '({{count}} ar agor)',
    tabs: {
      now: 'Nawr',
      charter: 'Siarter',
      evidence: 'Tystiolaeth',
      votes: 'Pleidleisiau',
      cases: 'Achosion',
      comments: 'Sylwadau',
      record: 'Cofnod',
    },
    now: {
      heading: 'Nawr',
      noSession: 'Does dim sesiwn yn rhedeg.',
      sessionStatus: 'Sesiwn: {{status}}',
      item: 'Eitem ar yr agenda',
      speaker: 'Yn siarad',
      nobodySpeaking: 'Does neb yn siarad.',
      queue: 'Eich lle',
      notInQueue: 'Dydy eich llaw ddim i fyny.',
      yourPlace: 'Rydych chi’n rhif {{place}} yn y ciw ({{kind}}).',
      queueLength_zero: '{{count}} llaw i fyny.',
      queueLength_one: '{{count}} llaw i fyny.',
      queueLength_two: '{{count}} law i fyny.',
      queueLength_few: '{{count}} llaw i fyny.',
      queueLength_many: '{{count}} llaw i fyny.',
      queueLength_other: '{{count}} llaw i fyny.',
      openVote: 'Pleidlais ar agor: {{question}}',
      goVote: 'Pleidleisiwch nawr',
      seeVote: 'Gweld y bleidlais',
      voted: 'Rydych chi wedi pleidleisio.',
      discussing: 'Yn cael ei thrafod',
      nothingDiscussed: 'Does dim safon yn cael ei thrafod ar hyn o bryd.',
      openCharter: 'Agor y siarter',
      details: 'Y cyfarfod hwn',
    },
    comments: {
      heading: 'Sylwadau',
      intro: 'Sylwadau pob safon, yn nhrefn y siarter.',
    },
    record: {
      heading: 'Cofnod',
      intro:
        'Cofnod cyhoeddus y cynulliad hwn: y siarter yn barod i’w hargraffu, cofnodion pob sesiwn, y log archwilio, a lawrlwythiadau.',
    },
  },
};
