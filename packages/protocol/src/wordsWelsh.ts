import type { ServerWords } from './wordsEnglish.ts';

/**
 * Cymraeg for the sentences the server authors (`wordsEnglish.ts`), for the web's `cyWords.ts`
 * and the Markdown downloads in Welsh. To be reviewed by a Welsh speaker.
 */
export const WORDS_WELSH: ServerWords = {
  tally: {
    passed: 'Pasiwyd',
    failed: 'Methodd',
    noQuorum:
      'Dim cworwm: bwriwyd {{cast}} o’r {{needed}} pleidlais oedd eu hangen ({{eligible}} yn gymwys), felly does dim wedi’i benderfynu.',
    counted: 'yn cyfrif',
    notCounted: 'ddim yn cyfrif',
    yesNoRest: '{{no}} na, {{abstain}} yn ymatal ({{abstentions}})',
    yesNoEmpty: 'Methodd: dim pleidleisiau i’w cyfrif ({{rest}}).',
    yesNoResult: '{{outcome}}: mae {{yes}} ie o {{counted}} a gyfrifwyd ({{percent}}) yn {{verdict}}; {{rest}}.',
    moreThanHalf: 'fwy na hanner',
    notMoreThanHalf: 'ddim yn fwy na hanner',
    atLeast: 'o leiaf {{bar}}',
    lessThan: 'llai na {{bar}}',
    twoThirds: 'dwy ran o dair',
    consentBlockedOne:
      'Methodd: {{blocks}} bloc, a dydy cydsyniad ddim yn caniatáu’r un ({{agreeing}} o {{counted}} yn cytuno, {{aside}} wedi camu o’r neilltu).',
    consentBlocked:
      'Methodd: {{blocks}} bloc, a dydy cydsyniad ddim yn caniatáu’r un ({{agreeing}} o {{counted}} yn cytuno, {{aside}} wedi camu o’r neilltu).',
    consentNone: 'Methodd: ni fwriwyd yr un bleidlais.',
    consentAllAside:
      'Methodd: camodd pob un o’r {{ballots}} pleidlais o’r neilltu, felly does dim cytundeb i’w gyfrif.',
    consentResult:
      '{{outcome}}: {{agreeing}} o {{counted}} yn cytuno ({{percent}}), {{verdict}}, heb floc ({{aside}} wedi camu o’r neilltu).',
    fromBallotOne: 'o {{ballots}} papur pleidleisio',
    fromBallots: 'o {{ballots}} papur pleidleisio',
    approvalNone: 'Dim enillydd: ni chymeradwywyd yr un dewis {{from}}.',
    approvalTie:
      'Cyfartal rhwng {{options}} gyda {{most}} cymeradwyaeth yr un {{from}}; nid yw’n bosib torri’r cyfartal, felly mae’r cynulliad yn pleidleisio eto.',
    approvalWinsOne: '“{{option}}” sy’n ennill gyda {{approvals}} cymeradwyaeth {{from}}.',
    approvalWins: '“{{option}}” sy’n ennill gyda {{approvals}} cymeradwyaeth {{from}}.',
    rankedNone: 'Dim enillydd: ni fwriwyd yr un bleidlais.',
    rankedWins: '“{{option}}” sy’n ennill yn rownd {{round}} gyda {{votes}} o {{live}} pleidlais ({{percent}}).',
    rankedWinsAfterOne:
      '“{{option}}” sy’n ennill yn rownd {{round}} gyda {{votes}} o {{live}} pleidlais ({{percent}}) ar ôl i {{eliminated}} gael ei ddileu.',
    rankedWinsAfterSome:
      '“{{option}}” sy’n ennill yn rownd {{round}} gyda {{votes}} o {{live}} pleidlais ({{percent}}) ar ôl i {{eliminated}} gael eu dileu.',
    rankedWinsAfterMany:
      '“{{option}}” sy’n ennill yn rownd {{round}} gyda {{votes}} o {{live}} pleidlais ({{percent}}) ar ôl i {{count}} dewis gael eu dileu.',
    tieByRound:
      'Roedd rownd {{round}} yn gyfartal am y nifer lleiaf o bleidleisiau rhwng {{tied}}: dilëwyd “{{out}}”, yr un â llai o bleidleisiau yn rownd {{byRound}}, fel y mae’r rheolau’n nodi.',
    tieLater:
      'Roedd rownd {{round}} yn gyfartal am y nifer lleiaf o bleidleisiau rhwng {{tied}}: dilëwyd “{{out}}”, yr olaf ar y rhestr o’r dewisiadau cyfartal, fel y mae’r rheolau’n nodi.',
    tieLaterEvery:
      'Roedd rownd {{round}} yn gyfartal am y nifer lleiaf o bleidleisiau rhwng {{tied}}: dilëwyd “{{out}}”, yr olaf ar y rhestr o’r dewisiadau cyfartal, yn gyfartal ym mhob rownd hyd yma, fel y mae’r rheolau’n nodi.',
    supportResult:
      'Cefnogwyd {{supported}} o {{items}} argymhelliad: cyrhaeddodd cytuno’n gryf a chytuno o leiaf {{bar}} {{among}}.',
    ofAnswering: 'o’r rhai a’i hatebodd',
    ofAllBallots: 'o’r holl bapurau pleidleisio',
    supportNoQuorum:
      'Dim cworwm: bwriwyd {{cast}} o’r {{needed}} pleidlais oedd eu hangen ({{eligible}} yn gymwys), felly does dim argymhelliad wedi’i gefnogi.',
    countedSplitOne: 'Cyfrifwyd {{online}} ar-lein a {{paper}} ar bapur.',
    countedSplit: 'Cyfrifwyd {{online}} ar-lein a {{paper}} ar bapur.',
  },
  question: {
    adopt: 'Mabwysiadu “{{title}}”?',
    amend: 'Diwygio “{{title}}”?',
    consequence: 'Achos {{number}} ({{role}}): pa ganlyniad?',
    finalBallot: 'Pleidlais derfynol: {{count}} argymhelliad',
  },
  noBreachFound: 'Dim achos o dorri safon',
  named: { moderator: 'y cymedrolwr {{name}}', facilitator: 'yr hwylusydd {{name}}' },
  pseudonym: 'Aelod {{seat}}',
};
