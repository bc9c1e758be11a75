import type { Messages } from './en.ts';
import type { enAppeals } from './enAppeals.ts';

/**
 * Cymraeg for appeals against moderation (`enAppeals.ts`). Written by a non-native writer: TO BE
 * REVIEWED by a Welsh speaker before use.
 */
export const cyAppeals: Pick<Messages, 'appeals'> & Pick<typeof enAppeals, 'reasons'> = {
  appeals: {
    memberHeading: 'Cymedroli amdanoch chi',
    actions: {
      mute: 'Cawsoch eich tawelu',
      remove: 'Cawsoch eich tynnu o sesiwn',
      hide_comment: 'Cuddiwyd un o’ch sylwadau',
    },
    caseLine: '{{action}} ar {{date}} gan {{moderator}}. Rheswm: {{reason}}.',
    byUnknown: 'gymedrolwr',
    yourComment: 'Eich sylw: “{{text}}”',
    appeal: 'Apelio',
    appealOf: 'Apêl: {{action}}',
    formLabel: 'Pam y dylid dadwneud hyn?',
    formHint:
      'Bydd cymedrolwr heblaw’r un a weithredodd yn penderfynu. Mae eich rheswm yn gyhoeddus: mae’n ymddangos yn y log cymedroli a’r cofnod o dan yr enw y mae’r cyhoedd yn ei weld i chi. Peidiwch ag enwi neb, os gwelwch yn dda.',
    send: 'Anfon yr apêl',
    cancel: 'Canslo',
    sent: 'Anfonwyd eich apêl.',
    pending: 'Apêl wedi’i hanfon: bydd cymedrolwr heblaw’r un a weithredodd yn penderfynu.',
    waits:
      'Apêl wedi’i hanfon. Does dim cymedrolwr arall â sedd eto, felly mae eich apêl yn aros nes i’r trefnwyr benodi un: ni all y cymedrolwr a weithredodd benderfynu arni.',
    upheld: 'Ni dderbyniwyd eich apêl (cadarnhawyd gan {{moderator}}): “{{reason}}”',
    overturned: 'Derbyniwyd eich apêl (gwrthdrowyd gan {{moderator}}): “{{reason}}”',
    overturnedEffect: {
      mute: 'Mae eich tawelu wedi’i godi.',
      remove: 'Cewch gofrestru yn y sesiwn eto.',
      hide_comment: 'Mae eich sylw i’w weld eto.',
    },
    yourReason: 'Eich rheswm: “{{reason}}”',
    dismiss: 'Iawn',
    waiting_zero: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    waiting_one: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    waiting_two: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    waiting_few: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    waiting_many: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    waiting_other: 'Mae {{count}} apêl yn aros am eich penderfyniad.',
    showAppeals: 'Dangos apeliadau',
    consoleHeading: 'Apeliadau',
    consoleEmpty: 'Does dim apeliadau’n aros.',
    consoleCase: '{{member}}: {{action}} ar {{date}} gan {{moderator}} ({{reason}})',
    consoleActions: {
      mute: 'tawelwyd',
      remove: 'tynnwyd o sesiwn',
      hide_comment: 'cuddiwyd sylw',
    },
    note: 'Nodyn y cymedrolwr: {{note}}',
    hiddenComment: 'Y sylw: “{{text}}”',
    memberReason: 'Apêl: “{{reason}}”',
    ownAction: 'Chi a gymerodd y cam hwn, felly cymedrolwr arall sy’n penderfynu ar yr apêl hon.',
    ownActionAlone:
      'Chi a gymerodd y cam hwn a does dim cymedrolwr arall â sedd: mae’r apêl yn aros nes i’r trefnwyr benodi cymedrolwr arall.',
    decisionLabel: 'Rheswm dros eich penderfyniad (cyhoeddus)',
    uphold: 'Cadarnhau (mae’r cam yn sefyll)',
    overturn: 'Gwrthdroi (ei ddadwneud)',
    decided: '{{status}} gan {{moderator}}: “{{reason}}”',
    statuses: { pending: 'Yn aros', upheld: 'Cadarnhawyd', overturned: 'Gwrthdrowyd' },
    decidedHeading: 'Wedi’u penderfynu',
    log: {
      appealed: 'Apeliwyd: “{{reason}}”',
      pending: 'Apêl yn aros',
      upheld: 'Cadarnhawyd: “{{reason}}”',
      overturned: 'Gwrthdrowyd: “{{reason}}”',
    },
  },
  reasons: {
    appeal: {
      notFound: 'Dydy’r cam cymedroli hwnnw ddim yno i apelio yn ei erbyn.',
      already: 'Mae apêl eisoes yn erbyn y cam hwn: un apêl i bob cam.',
      tooLate: 'Gellir apelio yn erbyn cam am {{days}} diwrnod; mae’r un hwn yn hŷn.',
      ownAction: 'Chi a gymerodd y cam hwn: cymedrolwr heblaw chi sy’n penderfynu ar ei apêl.',
      decided: 'Mae’r apêl hon eisoes wedi’i phenderfynu.',
    },
  },
};
