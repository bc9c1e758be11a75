import type { Messages } from './en.ts';
import type { enQuorum } from './enQuorum.ts';

/** Cymraeg for quorum while a vote is open (`enQuorum.ts`; to be reviewed by a Welsh speaker). */
// Its `reasons.vote` are the quorum's only; `cy.ts` merges them with the other votes' refusals.
export const cyQuorum: Pick<Messages, 'quorum'> & Pick<typeof enQuorum, 'reasons'> = {
  quorum: {
    paused: 'Wedi oedi: collwyd y cworwm ({{present}} o {{needed}} yn bresennol)',
    pausedExplain_one:
      'Rhaid i o leiaf {{count}} aelod fod yn bresennol ar gyfer y bleidlais hon. Mae pleidleisiau’n aros nes bod digon yn ôl, neu nes i’r cymedrolwr barhau gyda’r rhai sy’n bresennol.',
    pausedExplain_other:
      'Rhaid i o leiaf {{count}} aelod fod yn bresennol ar gyfer y bleidlais hon. Mae pleidleisiau’n aros nes bod digon yn ôl, neu nes i’r cymedrolwr barhau gyda’r rhai sy’n bresennol.',
    continue: 'Parhau gyda’r {{count}} sy’n bresennol',
    continueLabel_one: 'Parhau â “{{question}}” gyda’r {{count}} aelod sy’n bresennol',
    continueLabel_other: 'Parhau â “{{question}}” gyda’r {{count}} aelod sy’n bresennol',
    continueHint:
      'Mae hyn yn diystyru’r cworwm ar gyfer y bleidlais hon. Mae’r cofnod cyhoeddus yn ei ddangos, gyda faint oedd yn bresennol.',
    continued_one:
      'Parhaodd y cymedrolwr â’r bleidlais hon gyda {{count}} aelod yn bresennol (angen {{needed}} ar gyfer cworwm).',
    continued_other:
      'Parhaodd y cymedrolwr â’r bleidlais hon gyda {{count}} aelod yn bresennol (angen {{needed}} ar gyfer cworwm).',
    closesIn: 'Yn cau ohono’i hun ymhen {{time}}',
    closing: 'Mae’r dyddiad cau wedi mynd heibio: mae’r bleidlais yn cau.',
    deadlineLabel: 'Cau ohono’i hun ar ôl (munudau)',
    deadlineHint:
      'Dewisol. Gadewch yn wag i gau’r bleidlais eich hun. Dydy oedi oherwydd colli cworwm ddim yn symud y dyddiad cau.',
    deadlineProblem: 'Rhowch nifer cyfan o funudau o 1 i {{max}}, neu gadewch yn wag.',
  },
  reasons: {
    vote: {
      quorumLost:
        'Mae’r bleidlais hon wedi oedi: collwyd y cworwm ({{present}} o {{needed}} yn bresennol). Bwriwch hi eto pan fydd y bleidlais yn ailddechrau.',
      deadlinePassed: 'Mae dyddiad cau’r bleidlais hon wedi mynd heibio.',
      notPaused: 'Dydy’r bleidlais hon ddim wedi oedi, felly does dim i’w barhau.',
    },
  },
};
