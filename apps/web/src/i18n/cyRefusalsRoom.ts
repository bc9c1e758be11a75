import type { Messages } from './en.ts';

type RoomFeatures =
  | 'request'
  | 'command'
  | 'session'
  | 'floor'
  | 'group'
  | 'programme'
  | 'moderation'
  | 'amendment'
  | 'charter'
  | 'comment'
  | 'consensus'
  | 'history'
  | 'report'
  | 'device'
  | 'roster'
  | 'member'
  | 'organise'
  | 'document'
  | 'livestream';

/** Welsh for `enRefusalsRoom.ts`: why the server refused a command in the room. */
export const cyRefusalsRoom: { reasons: Pick<Messages['reasons'], RoomFeatures> } = {
  reasons: {
    request: {
      otherSite: 'Daeth y cais hwn o wefan arall, felly ni chafodd ei dderbyn.',
      inviteNotValid: 'Dydy’r ddolen wahoddiad hon ddim yn ddilys (efallai ei bod wedi’i dirymu).',
      codeNotValid: 'Dydy’r cod hwn ddim yn ddilys. Gwiriwch ef, neu gofynnwch i’r trefnwyr am gerdyn newydd.',
      inviteExpired: 'Mae’r cerdyn gwahoddiad hwn wedi dod i ben. Gofynnwch i’r trefnwyr am un newydd.',
      openInviteFirst: 'Agorwch eich dolen wahoddiad i ymuno.',
      openLinkFirst: 'Agorwch eich dolen wahoddiad neu wylio yn gyntaf.',
      openOrganiserLink: 'Agorwch eich dolen trefnydd i fewngofnodi fel trefnydd.',
      organiserLinkNotValid: 'Dydy’r ddolen trefnydd hon ddim yn ddilys (efallai ei bod wedi’i defnyddio’n barod).',
      tooManyWrongLinks:
        'Rhoddwyd cynnig ar ormod o ddolenni anghywir o’ch rhwydwaith. Rhowch gynnig arall arni ymhen {{seconds}} eiliad.',
      tooManyWrongCodes:
        'Rhoddwyd cynnig ar ormod o godau anghywir o’ch rhwydwaith. Rhowch gynnig arall arni ymhen {{seconds}} eiliad.',
      tooManyDownloads: 'Gormod o lawrlwythiadau o’ch rhwydwaith. Rhowch gynnig arall arni ymhen {{seconds}} eiliad.',
      oneCheckAtATime: 'Un gwiriad ar y tro. Rhowch gynnig arall arni ymhen {{seconds}} eiliad.',
      pageQuery: 'Dydy’r dudalen honno o’r cofnod ddim yn bodoli.',
      sessionNotFound: 'Dydy’r sesiwn honno ddim yn y cynulliad hwn.',
      standardNotFound: 'Dydy’r safon honno ddim yn y siarter hon.',
      notJson: 'Nid ffeil tynnu yw hon (nid JSON yw hi).',
      notADrawFile: 'Nid ffeil tynnu panel Moot yw hon.',
      tooLarge: 'Mae hynny’n rhy fawr i’w anfon.',
      unreadable: 'Doedd dim modd darllen y cais.',
      unknownLanguage: 'Yn Saesneg neu Gymraeg yn unig y daw lawrlwythiadau.',
    },
    command: {
      rateLimited: 'Gormod o negeseuon ar unwaith. Arhoswch funud a rhowch gynnig arall arni.',
      notForRole: 'Dydy eich rôl ddim yn caniatáu hynny.',
      archived: 'Mae’r cynulliad hwn wedi’i archifo: gellir darllen ei gofnod, ond ni all dim ynddo newid.',
      serverFault: 'Aeth rhywbeth o’i le ar y gweinydd. Rhowch gynnig arall arni mewn munud.',
    },
    session: {
      sittingNotFound: 'Dydy’r eisteddiad hwnnw ddim yn y cynulliad hwn.',
      itemNotFound: 'Dydy’r eitem agenda honno ddim yn y cynulliad hwn.',
      cancelled: 'Cafodd yr eisteddiad hwn ei ganslo.',
      ended: 'Mae’r eisteddiad hwn wedi dod i ben.',
      notRunning: 'Dydy’r eisteddiad hwn ddim yn mynd rhagddo.',
      anotherLive: 'Mae eisteddiad arall yn fyw (“{{title}}”): daliwch ef i ben cyn dechrau hwn.',
      agendaFull: 'Mae lle i {{max}} eitem ar y mwyaf ar agenda.',
      foreignStandard: 'Dim ond safonau’r siarter hon y gall eitem agenda ymwneud â nhw.',
      caseNotFound: 'Dydy’r achos hwnnw ddim yn y cynulliad hwn.',
      caseDecided: 'Mae penderfyniad eisoes ar yr achos hwn.',
      caseDismissed: 'Mae’r achos hwn eisoes wedi’i wrthod.',
      noItemLeft: 'Does dim eitem agenda ar ôl.',
    },
    floor: {
      notCheckedIn: 'Heb gofrestru’n bresennol yn yr eisteddiad hwn.',
      checkInFirst: 'Cofrestrwch yr aelod hwn yn bresennol cyn codi llaw ar ei ran.',
      noHandUp: 'Does gan yr aelod hwnnw ddim llaw i fyny.',
      nobodyWaiting: 'Does neb yn aros i siarad.',
      groupNoHandUp: 'Does gan yr aelod hwnnw ddim llaw i fyny yng nghiw’r grŵp hwn.',
      groupNobodyWaiting: 'Does neb yn y grŵp hwn yn aros i siarad.',
      groupNobodySpeaking: 'Does gan neb yn y grŵp hwn y llawr.',
      nobodySpeaking: 'Does gan neb y llawr.',
      notYourTurn: 'Does gennych chi ddim y llawr.',
      alreadySpeaking: 'Chi sydd â’r llawr yn barod.',
      memberAlreadySpeaking: 'Yr aelod hwn sydd â’r llawr yn barod.',
    },
    group: {
      fewerStandardsThanGroups:
        'I rannu’r safonau rhwng y grwpiau mae angen un i bob grŵp: dewiswyd {{standards}} ar gyfer {{groups}} grŵp.',
      personNotFound: 'Dydy’r person hwnnw ddim yn aelod, yn hwylusydd nac yn gofnodwr yn y cynulliad hwn.',
      noneRunning: 'Does dim grwpiau’n cyfarfod.',
      notInGroup: 'Tra bo’r grwpiau’n cyfarfod, dim ond aelodau a gwesteiwyr grŵp sy’n darllen ei nodiadau.',
      tooFewPresent: 'Dim ond {{present}} aelod sy’n bresennol ar gyfer {{groups}} grŵp.',
      groupNotFound: 'Dydy’r grŵp hwnnw ddim yn cyfarfod yn yr eisteddiad hwn.',
      notYourGroupsMember: 'Tra bo’r grwpiau’n cyfarfod, dim ond aelodau ei grŵp ei hun y mae hwylusydd yn eu llywio.',
      notYourGroupsQueue: 'Dim ond ciw ei grŵp ei hun y mae hwylusydd yn ei lywio.',
    },
    programme: {
      sittingCancelled: 'Cafodd yr eisteddiad hwn ei ganslo, felly ni all newid.',
      sittingStarted: 'Mae’r eisteddiad hwn wedi dechrau, felly ni all newid.',
      sittingEnded: 'Mae’r eisteddiad hwn wedi dod i ben, felly ni all newid.',
      sameSittingCopy: 'Dewiswch eisteddiad arall i gopïo ohono.',
      sameSittingSwap: 'Dewiswch eisteddiad arall i gyfnewid ag ef.',
      clockChange: 'Rhaid i eisteddiad orffen ar ôl iddo ddechrau (mae’r clociau’n newid yn y canol).',
      full: 'Mae lle i {{max}} eisteddiad ar y mwyaf mewn rhaglen.',
      undated: 'Dim ond eisteddiadau sydd â dyddiad all newid lle yn y rhaglen.',
    },
    moderation: {
      muted: 'Mae cymedrolwr wedi eich tewi am y tro, felly ni chymerwyd hynny.',
      removed: 'Mae cymedrolwr wedi eich tynnu o’r eisteddiad hwn, felly ni chymerwyd hynny.',
      memberMuted: 'Mae’r aelod hwn wedi’i dewi ac ni all godi llaw.',
      memberRemoved: 'Mae cymedrolwr wedi tynnu’r aelod hwn o’r eisteddiad hwn.',
      announcementNotFound: 'Dydy’r cyhoeddiad hwnnw ddim i’w weld mwyach.',
    },
    amendment: {
      notFound: 'Dydy’r gwelliant hwnnw ddim yn y cynulliad hwn.',
      editDraftDirectly:
        'Dim ond safon wedi’i chloi neu ei mabwysiadu sy’n cael ei diwygio; caiff drafft ei olygu’n uniongyrchol.',
      notLockedOrAdopted: 'Dydy’r safon ddim wedi’i chloi na’i mabwysiadu mwyach.',
      dissentNeedsDecision: 'Daw adroddiad lleiafrifol ar ôl penderfyniad ar y safon.',
      dissentNotFound: 'Dydy’r adroddiad lleiafrifol hwnnw ddim yn y cynulliad hwn.',
      suggestionStale:
        'Golygwyd y testun y mae’r awgrym hwn yn ei newid ers ei gynnig: gall y sawl a’i cynigiodd ei dynnu’n ôl ac awgrymu eto.',
      oneParagraph: 'Mae awgrym yn newid testun o fewn un paragraff: dewiswch eiriau o fewn un paragraff.',
      selectionChanged: 'Newidiwyd y testun a ddewisoch yn y cyfamser: dewiswch ef eto.',
      notYourAmendment: 'Dim ond yr aelod a gynigiodd welliant all ei dynnu’n ôl.',
      notWithdrawable: 'Dim ond gwelliant sydd heb ei gyflwyno eto y gellir ei dynnu’n ôl.',
      notCosignable: 'Dim ond gwelliant sydd wedi’i gynnig y gellir ei gyd-lofnodi.',
      alreadyTabled: 'Mae’r gwelliant hwn eisoes wedi’i gyflwyno.',
    },
    charter: {
      standardNotFound: 'Dydy’r safon honno ddim yn y siarter hon.',
      full: 'Mae lle i {{max}} safon ar y mwyaf mewn siarter.',
      titleLocked: 'Mae’r safon wedi’i chloi: ni all ei theitl newid nes i gymedrolwr ei datgloi.',
      titleDecided: 'Mae penderfyniad ar y safon: ni all ei theitl newid.',
      isDrafting: 'Mae’r safon yn dal i gael ei drafftio.',
      isLocked: 'Mae’r safon wedi’i chloi.',
      isAdopted: 'Mae’r safon wedi’i mabwysiadu.',
      isRejected: 'Cafodd y safon ei gwrthod.',
      ladderFixed: 'Ni all ysgol canlyniadau safon a fabwysiadwyd neu a wrthodwyd newid.',
    },
    comment: {
      full: 'Mae lle i {{max}} sylw ar y mwyaf ar safon.',
      notFound: 'Dydy’r sylw hwnnw ddim yno mwyach (efallai iddo gael ei guddio).',
    },
    consensus: {
      decided: 'Mae penderfyniad ar y safon hon; does dim marcio ar ei pharagraffau mwyach.',
      paragraphGone: 'Dydy’r paragraff hwnnw ddim yn y safon mwyach; marciwch ef eto fel y mae’n darllen nawr.',
    },
    history: {
      pointNotFound: 'Dydy’r pwynt hwnnw ddim yn hanes y safon hon.',
      // To be reviewed by a Welsh speaker.
      momentFolded:
        'Mae’r golygiadau cyn yr eiliad honno wedi’u cyfuno’n bwynt wedi’i gadw; dewiswch bwynt wedi’i gadw neu eiliad ar ôl {{at}}.',
      // To be reviewed by a Welsh speaker.
      tooManyUpdates: 'Mae mwy na {{max}} o olygiadau rhwng y pwyntiau hyn; dewiswch ddau bwynt agosach at ei gilydd.',
    },
    report: {
      statementNotFound: 'Dydy’r datganiad hwnnw ddim yno mwyach (efallai iddo gael ei guddio).',
    },
    device: {
      notFound: 'Dydy’r ddyfais honno ddim yn un o’ch rhai chi (efallai ei bod wedi’i hallgofnodi’n barod).',
    },
    roster: {
      seatNotFound: 'Does neb yn dal y sedd honno yn y cynulliad hwn.',
      ownSeat: 'Rhaid i gymedrolwr arall newid eich sedd eich hun.',
      alreadyInRole: 'Mae gan y sedd honno’r rôl hon yn barod.',
    },
    member: {
      notFound: 'Dydy’r aelod hwnnw ddim yn y cynulliad hwn.',
      importStale: 'Newidiodd y ffeil neu’r aelodau ers y rhagolwg: edrychwch ar y rhagolwg eto.',
      fileHasProblems: 'Ni ellir mewnforio’r ffeil hon nes bod ei phroblemau wedi’u cywiro.',
      fileTooLarge: 'Gall ffeil ddal {{max}} beit ar y mwyaf.',
      fileUnreadable: 'Doedd dim modd darllen y ffeil.',
      notSelected: 'Dim ond aelod a ddewiswyd all dynnu’n ôl.',
      notReserve: 'Dim ond aelod wrth gefn all gymryd lle aelod.',
      needsWithoutConsent: 'Dim ond gyda chydsyniad yr aelod y cofnodir anghenion mynediad.',
      cardsForSelected: 'Mae cardiau ar gyfer aelodau a ddewiswyd; caiff aelod wrth gefn un wrth gymryd lle rhywun.',
      unknownCategory: 'Does dim categori “{{category}}” ymhlith yr aelodau.',
    },
    organise: {
      notAnAssemblyId: 'Dydy’r cyfeiriad hwnnw ddim yn enwi cynulliad.',
      assemblyNotFound: 'Dydy’r cynulliad hwnnw ddim ymhlith y rhai rydych chi’n eu trefnu.',
      tooManyAssemblies: 'Gall trefnydd redeg {{max}} cynulliad ar y mwyaf.',
      alreadyArchived: 'Mae’r cynulliad hwn eisoes wedi’i archifo.',
      tooManySeats: 'Mae gan gynulliad {{max}} sedd ar y mwyaf.',
    },
    document: {
      notFound: 'Dydy’r ddogfen honno ddim yn y cynulliad hwn.',
      noDocumentsForSeat: 'Dydy eich sedd chi ddim yn agor dogfennau.',
      notOpen: 'Agorwch y ddogfen yn gyntaf.',
      tooManyOpen: 'Gellir agor {{max}} dogfen ar y mwyaf ar unwaith.',
      loadFailed: 'Doedd dim modd llwytho’r ddogfen; rhowch gynnig arall arni cyn bo hir.',
      undecodable: 'Doedd dim modd darllen y newid; ail-lwythwch y dudalen.',
      unknownMessage: 'Doedd dim modd darllen y neges; ail-lwythwch y dudalen.',
      locked: 'Mae’r testun hwn wedi’i gloi; ni all newid mwyach.',
      savingBehind: 'Mae’r cadw ar ei hôl hi: ni chymerwyd eich golygiad eto, caiff ei anfon eto.',
      missingChanges: 'Dydy eich copi ddim yn cyd-fynd â’r gweinydd; ail-lwythwch y dudalen.',
      full: 'Mae’r ddogfen hon wedi cyrraedd ei therfyn maint.',
      notYourClient: 'Daeth y newid hwnnw o olygydd rhywun arall ac ni chafodd ei gymryd.',
      tooManyCursors: 'Gormod o olygyddion ar agor ar un cysylltiad ({{max}} ar y mwyaf).',
    },
    livestream: {
      notEmbeddable:
        'Dim ond cyfeiriad https fideo YouTube neu Vimeo, neu fideo ar wefan PeerTube y mae’r gweinydd hwn yn ei rhestru, y gellir ei fewnosod.',
    },
  },
};
