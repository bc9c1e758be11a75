import type { Messages } from './en.ts';

/** Cymraeg for the facilitator's screen. */
export const cyFacilitator: Pick<Messages, 'facilitator'> = {
  facilitator: {
    heading: 'Eich bwrdd',
    groupHeading: 'Grŵp {{number}}',
    roomHeading: 'Yr ystafell',
    roomHint: 'Nid oes grwpiau bach yn rhedeg: rydych yn cofrestru aelodau i mewn ac allan wrth y drws.',
    noGroup:
      'Mae grwpiau bach yn rhedeg, ond nid ydych yn arwain yr un ohonynt. Gofynnwch i’r cymedrolwr eich symud i grŵp.',
    membersHeading: 'Aelodau',
    noMembers: 'Dim aelodau yma eto.',
    present: 'yn yr ystafell',
    checkedOut: 'wedi gadael',
    absent: 'heb gofrestru',
    checkIn: 'Cofrestru {{name}} i mewn',
    checkOut: 'Cofrestru {{name}} allan',
    raiseFor: 'Codi llaw ar ran {{name}}',
    lowerFor: 'Gostwng llaw {{name}}',
    queueHeading: 'Dwylo i fyny yn y grŵp hwn',
    queueEmpty: 'Nid oes dwylo i fyny.',
    raisedBy: 'codwyd gan {{name}}',
    padHeading: 'Nodiadau’r grŵp',
    noteTakerHint: 'Chi sy’n cymryd nodiadau’r grŵp hwn. Dim ond aelodau sy’n pleidleisio.',
    paperHeading: 'Papurau pleidleisio: {{question}}',
    paperHint:
      'Ticiwch bob aelod sy’n pleidleisio ar bapur. Rhaid iddynt fod wedi cofrestru, ac wedyn ni allant bleidleisio ar-lein. Pan gaiff y papurau eu cyfrif, mae dau hwylusydd yn rhoi’r cyfansymiau i mewn, bob un ar wahân.',
    paperVoters: 'Yn pleidleisio ar bapur: {{count}}',
    markPaper: '{{name}} yn pleidleisio ar bapur',
    paperMarked: '{{name}}: ar bapur',
    totalsLegend: 'Cyfansymiau a gyfrifwyd ar bapur',
    enterTotals: 'Rhoi’r cyfansymiau hyn i mewn',
    statusOpen: 'Dim cyfansymiau eto.',
    statusAwaiting: 'Mae un cyfrif i mewn. Rhaid i hwylusydd arall gyfrif a rhoi’r cyfansymiau i mewn ar wahân.',
    statusAwaitingMine:
      'Chi roddodd y cyfrif cyntaf i mewn. Rhaid i hwylusydd arall gyfrif a rhoi’r cyfansymiau i mewn ar wahân.',
    statusAgreed: 'Mae dau gyfrif yn cytuno: caiff y papurau eu cyfrif gyda’r pleidleisiau ar-lein.',
    mismatch:
      'Nid oedd y ddau gyfrif diwethaf yn cytuno, felly nid yw’r un yn cyfrif. Cyfrifwch y papurau eto; yna mae dau hwylusydd yn eu rhoi i mewn o’r newydd.',
  },
};
