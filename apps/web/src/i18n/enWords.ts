import { WORDS_ENGLISH } from '@moot/protocol';

/**
 * Sentences the server authors, sent as codes with parameters (`Phrase`): a tally's explanation
 * (`tally.*`), the question of a vote the server opened (`question.*`), and the case option "No
 * breach found". Loaded with the code that words them (`phrases.ts`). The keys are the
 * server's (`apps/server/src/features/votes/tallyWords.ts`, `voteQuestions.ts`). Welsh:
 * `cyWords.ts`.
 */
export const enWords = {
  words: {
    // The server-authored sentences: one table for the server and the web, in the protocol.
    tally: WORDS_ENGLISH.tally,
    question: WORDS_ENGLISH.question,
    noBreachFound: WORDS_ENGLISH.noBreachFound,
    /** The leader's page while their hearing is the current agenda item. */
    hearingLive: {
      heading: 'Your hearing is on now',
      intro: 'What the public sees of it, live: the item, who has the floor and how many wait to speak.',
      sitting: 'Sitting: {{title}}',
      speaker: 'Speaking now: {{name}}',
      nobody: 'Nobody has the floor.',
      waiting: 'Waiting to speak: {{count}}',
    },
    /** A refusal with no reason code, in a language other than English: the code alone, never the server's English detail. */
    bareErrors: {
      bad_request: 'That was not accepted.',
      limit_reached: 'A limit was reached.',
    },
  },
};
