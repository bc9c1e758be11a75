import type { Phrase } from '@moot/protocol';
import { questionText, resultText, type PhraseWording } from '../../i18n/phrases.ts';

/** A vote as an export records it (minutes, charter, report): the English, and the codes beside it when it carries them. */
export interface RecordedVote {
  question: string;
  questionPhrase?: Phrase | null;
  explanation: string | null;
  because?: readonly Phrase[] | null;
}

/**
 * The record's line for a vote, "question: result", in the reader's language: the question and
 * the tally worded from their codes, else as the export has them in English (an export made
 * before it carried codes); `open` stands for the result while the vote is open.
 */
export const voteLine = (vote: RecordedVote, wording: PhraseWording, open: string): string =>
  `${questionText(vote, wording)}: ${resultText(vote, wording) ?? open}`;
