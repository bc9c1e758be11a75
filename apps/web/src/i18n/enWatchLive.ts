/**
 * The watch page's live parts (programme, queue, live text, livestream): loaded with their own
 * lazy chunk (`addEnglish` in `features/watch/WatchLive.tsx`), so the watch page's first load
 * stays within its budget. Welsh: `cyWatchLive.ts`.
 */
export const enWatchLive = {
  watchLive: {
    agendaHeading: 'This sitting’s agenda',
    now: 'Now',
    liveTextHeading: 'Text under discussion',
    liveTextLegend: 'Highlighted: text added in the last {{seconds}} seconds.',
    changedRecently: 'changed recently',
    noStandards: 'The current item concerns no standard.',
    livestreamHeading: 'Livestream',
    livestreamTitle: 'Livestream of the sitting on {{provider}}',
    livestreamLink: 'Open the livestream on {{provider}}',
    providers: { youtube: 'YouTube', vimeo: 'Vimeo', peertube: 'PeerTube' },
  },
};
