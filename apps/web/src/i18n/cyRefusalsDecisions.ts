import type { enRefusalsDecisions } from './enRefusalsDecisions.ts';

/** Welsh for `enRefusalsDecisions.ts`: why the server refused, in the decision features. */
export const cyRefusalsDecisions: typeof enRefusalsDecisions = {
  reasons: {
    vote: {
      notFound: 'Dydy’r bleidlais hon ddim yn y cynulliad hwn.',
      voteClosed: 'Mae’r bleidlais hon wedi cau, felly ni chafodd hynny ei gofnodi.',
      noSession: 'Dydy’r bleidlais hon ddim yn perthyn i sesiwn.',
      noLiveSession: 'Cynhelir pleidleisiau mewn sesiwn fyw: dechreuwch y sesiwn yn gyntaf.',
      standardNotFound: 'Dydy’r safon honno ddim yn y siarter hon.',
      standardNotLocked: 'Clowch y safon cyn pleidleisio arni.',
      standardChanged:
        'Cafodd y safon ei thynnu neu ei datgloi tra oedd y bleidlais ar agor, felly ni all y bleidlais hon benderfynu arni.',
      alreadyOpen: 'Mae pleidlais ar y safon hon eisoes ar agor.',
      yesNoOrConsentOnly: 'Pleidlais ie/na neu gydsyniad yw penderfyniad ar destun.',
      ballotInvalid: 'Dydy’r bleidlais hon ddim yn gweddu i’r bleidlais. Ail-lwythwch y dudalen a phleidleisiwch eto.',
      noReceiptNoReason: 'Dydy’r bleidlais hon ddim yn rhoi derbynebau, felly ni all pleidlais gynnwys rheswm.',
    },
    paper: {
      notCountedOnPaper: 'Ni ellir cyfrif y math hwn o bleidlais ar bapur.',
      countStarted: 'Mae’r papurau pleidleisio’n cael eu cyfrif: ni ellir ticio neb arall.',
      notCheckedIn:
        'Dim ond aelod sydd wedi cofrestru’n bresennol nawr all bleidleisio ar bapur: cofrestrwch nhw yn gyntaf.',
      votedOnline: 'Mae’r aelod hwn eisoes wedi pleidleisio ar-lein yn y bleidlais hon.',
      votingOnPaper:
        'Rydych chi’n pleidleisio ar bapur yn y bleidlais hon, felly allwch chi ddim pleidleisio ar-lein hefyd.',
      alreadyTicked: 'Mae’r aelod hwn eisoes wedi’i dicio fel un sy’n pleidleisio ar bapur.',
      nobodyTicked: 'Does neb wedi’i dicio fel un sy’n pleidleisio ar bapur yn y bleidlais hon.',
      countedByBallot:
        'Caiff pleidleisiau cymeradwyo a phleidleisiau trefn ffafriaeth eu cyfrif fesul papur, nid fel cyfansymiau ar gyfer pob dewis.',
      countedByTotals:
        'Dim ond pleidleisiau cymeradwyo a threfn ffafriaeth sy’n cael eu cyfrif fesul papur: rhowch gyfansymiau ar gyfer pob dewis.',
      notAChoice: 'Dydy hyn ddim yn ddewis yn y bleidlais hon: {{choices}}.',
      ballotUnknownOption: 'Mae papur pleidleisio {{ballot}} yn enwi opsiwn nad yw yn y bleidlais hon.',
      ballotOptionTwice: 'Mae papur pleidleisio {{ballot}} yn enwi opsiwn ddwywaith.',
      ballotRanksNothing:
        'Dydy papur pleidleisio {{ballot}} ddim yn rhestru unrhyw opsiwn: mae papur trefn ffafriaeth yn enwi o leiaf ei ddewis cyntaf.',
      totalsMismatch:
        'Mae’r cyfansymiau hyn yn dod i {{total}} papur pleidleisio, ond nifer y rhai a diciwyd fel pleidleiswyr papur yw {{voters}}.',
      notAFinalBallot:
        'Mae’r cyfansymiau hyn ar gyfer pleidlais derfynol: rhowch gyfansymiau’r bleidlais hon ar gyfer pob dewis.',
      itemsMismatch:
        'Mae’r cyfansymiau hyn yn cwmpasu {{counted}} argymhelliad, ond mae’r bleidlais derfynol yn rhestru {{items}}.',
      tooManyAnswers:
        'Mae gan argymhelliad {{item}} fwy o atebion nag sydd o bapurau pleidleisio wedi’u ticio ({{voters}}).',
      alreadyAgreed: 'Mae’r cyfansymiau papur eisoes wedi’u cytuno.',
      secondCounterNeeded:
        'Chi roddodd y cyfrif cyntaf: rhaid i ail hwylusydd gyfrif y papurau pleidleisio a’u rhoi i mewn.',
      countsDisagree:
        'Mae eich cyfansymiau’n wahanol i’r cyfrif cyntaf, felly nid yw’r un yn cyfrif. Cyfrifwch y papurau eto; yna mae dau hwylusydd yn eu rhoi i mewn o’r newydd.',
      notAgreedYet:
        'Pleidleisiodd aelodau ar bapur ({{voters}}), ond nid yw eu cyfansymiau wedi’u cytuno eto: rhaid i ddau hwylusydd roi cyfrifon sy’n cyfateb cyn i’r bleidlais gau.',
    },
    finalBallot: {
      supportOnly: 'Caiff pleidlais derfynol ei hateb ar y raddfa gefnogaeth.',
      openWithItems: 'Y bleidlais derfynol yw pleidlais ar y raddfa gefnogaeth: agorwch hi gyda’i hargymhellion.',
      tooManyItems: 'Mae pleidlais derfynol yn rhestru {{max}} argymhelliad ar y mwyaf.',
      listedTwice: 'Mae argymhelliad wedi’i restru ddwywaith ar y bleidlais hon.',
      noLadder: 'Does gan “{{title}}” ddim ysgol ganlyniadau i bleidleisio arni.',
      alreadyOpen: 'Mae pleidlais derfynol eisoes ar agor.',
    },
    case: {
      notFound: 'Dydy’r achos hwn ddim yn y cynulliad hwn.',
      standardNotFound: 'Dydy’r safon honno ddim yn y siarter hon.',
      standardNotAdopted:
        'Dim ond safonau a fabwysiadwyd y gellir eu torri, a dydy “{{title}}” ddim wedi’i mabwysiadu.',
      noLadder: 'Does gan y safonau a enwyd ddim ysgol ganlyniadau, felly does dim i ddewis rhyngddo.',
      tooManyOptions:
        'Mae’r ysgolion a enwyd yn rhoi {{count}} opsiwn, ond mae gan bleidlais {{max}} ar y mwyaf. Enwch lai o safonau.',
      cannotMove:
        'Mae achos yn symud un cam ar y tro, o agored i wrandawiad i drafod: ni all wneud y symudiad hwnnw nawr.',
      replyClosed: 'Dim ond nes i’r drafodaeth ddechrau y gall yr ymateb newid, ac mae’r achos hwn wedi symud ymlaen.',
      evidenceClosed:
        'Dim ond nes i’r drafodaeth ddechrau y gellir ychwanegu tystiolaeth, ac mae’r achos hwn wedi symud ymlaen.',
      evidenceFull: 'Mae achos yn dal {{max}} darn o dystiolaeth ar y mwyaf.',
      alreadyClosed: 'Mae’r achos hwn eisoes wedi’i benderfynu neu wedi’i wrthod.',
      closeVoteFirst: 'Caewch y bleidlais ar ganlyniad yr achos hwn yn gyntaf.',
      notDeliberating: 'Pleidleisir ar y canlyniad tra bo’r achos yn cael ei drafod.',
      voteAlreadyOpen: 'Mae pleidlais ar ganlyniad yr achos hwn eisoes ar agor.',
      leaderWhileHeard:
        'Caiff yr arweinydd ei wahodd tra bo’r achos yn cael ei wrando, ac mae’r achos hwn wedi symud ymlaen.',
      leaderSeatsFull: 'Mae gan achos {{max}} sedd arweinydd ar y mwyaf.',
      leaderNotInvited: 'Gwahoddwch yr arweinydd i’r achos hwn yn gyntaf.',
      replyTooLate:
        'Mae’r dyddiad cau ar gyfer eich ymateb wedi mynd heibio. Gofynnwch i’r cymedrolwyr a allant ei symud.',
    },
    panel: {
      poolTooSmall: 'Dim ond {{pool}} aelod all eistedd ar y panel hwn, llai na’r {{size}} sedd y gofynnwyd amdanynt.',
      poolTooLarge: 'Caiff panel ei dynnu o {{max}} aelod ar y mwyaf.',
      quotaShort:
        'Nid oes modd bodloni’r cwotâu: mae angen o leiaf {{min}} sedd ar {{category}} “{{value}}”, ond dim ond {{available}} aelod all eistedd sydd â hynny.',
      minimumsTooHigh:
        'Nid oes modd bodloni’r cwotâu: mae’r isafswm ar gyfer {{category}} yn {{total}} gyda’i gilydd, mwy na {{size}} sedd.',
      maximumsTooLow:
        'Nid oes modd bodloni’r cwotâu: gellir llenwi {{total}} sedd ar y mwyaf o dan y cwotâu ar gyfer {{category}}, llai na {{size}}.',
      quotasClash:
        'Nid oes modd bodloni’r cwotâu: gellid bodloni pob un ar ei ben ei hun, ond does dim panel o {{size}} yn eu bodloni i gyd ar unwaith.',
      solverLimit:
        'Mae’r cwotâu hyn yn rhy anodd i’r gweinydd eu datrys: rhowch gynnig ar lai o seddi neu gofynnwch i’r trefnwyr symleiddio’r cwotâu.',
      noLongerFormed: 'Mae’r achos hwn wedi symud ymlaen: nid yw ei banel yn cael ei ffurfio mwyach.',
      alreadyPrepared: 'Mae’r panel ar gyfer yr achos hwn wedi’i baratoi’n barod.',
      notPrepared: 'Paratowch y panel yn gyntaf.',
      notDrawn: 'Mae’r panel wedi’i baratoi ond heb ei dynnu eto: tynnwch ef yn gyntaf.',
      alreadyDrawn: 'Mae’r panel ar gyfer yr achos hwn wedi’i dynnu’n barod.',
      notOnPanel: 'Dim ond y panel a dynnwyd ar gyfer yr achos hwn sy’n pleidleisio ar ei ganlyniad.',
      noneYet: 'Does dim panel wedi’i baratoi ar gyfer yr achos hwn eto.',
    },
    accountability: {
      standardNotFound: 'Dydy’r safon honno ddim yn y cynulliad hwn.',
      notAdopted: 'Dim ond safonau a fabwysiadwyd sy’n cael eu hateb, a dydy hon ddim wedi’i mabwysiadu.',
      respondentsFull: 'Mae gan gynulliad {{max}} sedd ymatebydd ar y mwyaf.',
      respondFirst: 'Cyhoeddwch ymateb i’r safon hon cyn adrodd ar gynnydd.',
      updatesFull: 'Mae safon yn dal {{max}} diweddariad cynnydd ar y mwyaf.',
    },
  },
};
