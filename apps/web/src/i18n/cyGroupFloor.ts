import type { Messages } from './en.ts';

/**
 * Cymraeg for a small group's own queue and the paper count of approval and ranked votes.
 * Written by a non-native speaker: to be reviewed by a Welsh speaker before use.
 */
export const cyGroupFloor: Pick<Messages, 'groupFloor'> = {
  groupFloor: {
    heading: 'Llawr y grŵp',
    callNext: 'Galw’r siaradwr nesaf',
    call: 'Galw {{name}}',
    endTurn: 'Dod â’r tro hwn i ben',
    myQueue: 'Ciw Grŵp {{number}}',
    memberHint:
      'Tra bo grwpiau bach yn cwrdd, mae eich llaw yng nghiw eich grŵp, a’ch hwylusydd sy’n galw’r siaradwyr.',
    consoleSpeaking: 'Yn siarad: {{name}}',
    consoleWaiting: 'Dwylo i fyny: {{count}}',
    private: 'Mae trafodaethau’r byrddau yn breifat: mae’r cyhoedd yn gweld y grwpiau, nid pwy sy’n siarad ynddyn nhw.',
    ballotsLegend: 'Y papurau pleidleisio fel y’u cyfrifwyd',
    ballotsHintApproval:
      'Ar gyfer pob papur pleidleisio gwahanol, ticiwch yr opsiynau y mae’n eu cymeradwyo a nodwch faint o bapurau sy’n darllen yn union felly.',
    ballotsHintRanked:
      'Ar gyfer pob papur pleidleisio gwahanol, dewiswch ei ddewisiadau yn eu trefn a nodwch faint o bapurau sy’n darllen yn union felly. Mae angen y rhestr gyfan: pan gaiff opsiwn ei ddileu, mae ei bapurau’n symud i’w dewis nesaf.',
    ballotLine: 'Papur pleidleisio {{n}}',
    preference: 'Dewis {{n}}',
    noPreference: 'Dim dewis pellach',
    count: 'Faint sy’n darllen felly',
    addLine: 'Ychwanegu papur gwahanol',
    removeLine: 'Tynnu papur pleidleisio {{n}}',
    enterBallots: 'Cofnodi’r papurau hyn',
  },
};
