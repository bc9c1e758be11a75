import type { Messages } from './en.ts';

/** Cymraeg for the watch page's live parts (to be reviewed by a Welsh speaker). */
export const cyWatchLive: Pick<Messages, 'watchLive'> = {
  watchLive: {
    agendaHeading: 'Agenda’r eisteddiad hwn',
    now: 'Nawr',
    liveTextHeading: 'Y testun dan drafodaeth',
    liveTextLegend: 'Wedi’i amlygu: testun a ychwanegwyd yn yr {{seconds}} eiliad diwethaf.',
    changedRecently: 'newidiwyd yn ddiweddar',
    noStandards: 'Dydy’r eitem bresennol ddim yn ymwneud ag unrhyw safon.',
    livestreamHeading: 'Ffrwd fyw',
    livestreamTitle: 'Ffrwd fyw o’r eisteddiad ar {{provider}}',
    livestreamLink: 'Agor y ffrwd fyw ar {{provider}}',
    providers: { youtube: 'YouTube', vimeo: 'Vimeo', peertube: 'PeerTube' },
  },
};
