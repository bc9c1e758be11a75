import { WORDS_WELSH } from '@moot/protocol';
import type { Messages } from './en.ts';

/** Cymraeg for the sentences the server sends as codes (`enWords.ts`; to be reviewed by a Welsh speaker). */
export const cyWords: Pick<Messages, 'words'> = {
  words: {
    // The server-authored sentences: one table for the server and the web, in the protocol.
    tally: WORDS_WELSH.tally,
    question: WORDS_WELSH.question,
    noBreachFound: WORDS_WELSH.noBreachFound,
    named: { moderator: 'y cymedrolwr {{name}}', facilitator: 'yr hwylusydd {{name}}' },
    pseudonym: 'Aelod {{seat}}',
    hearingLive: {
      heading: 'Mae eich gwrandawiad yn digwydd nawr',
      intro:
        'Yr hyn y mae’r cyhoedd yn ei weld ohono, yn fyw: yr eitem, pwy sydd â’r llawr a faint sy’n aros i siarad.',
      sitting: 'Eisteddiad: {{title}}',
      speaker: 'Yn siarad nawr: {{name}}',
      nobody: 'Does neb â’r llawr.',
      waiting: 'Yn aros i siarad: {{count}}',
    },
    bareErrors: {
      bad_request: 'Chafodd hynny mo’i dderbyn.',
      limit_reached: 'Cyrhaeddwyd terfyn.',
    },
  },
};
