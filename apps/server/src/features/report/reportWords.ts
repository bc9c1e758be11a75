import type {
  EvidenceBalance,
  EvidenceKind,
  ParagraphReading,
  RecommendationPart,
  SupportAnswer,
} from '@moot/protocol';
import type { NounForms } from '../exports/markdownWords.ts';

/** The report's parts, in order, by anchor: the contents and the headings agree (the print page's too). */
export const REPORT_PARTS = [
  'participation',
  'programme',
  'evidence',
  'final-ballot',
  'standards',
  'ladders',
  'cases',
  'statements',
] as const;
export type ReportPartAnchor = (typeof REPORT_PARTS)[number];

/**
 * The sentences and labels the report's Markdown writes around the assembly's own words, in
 * English: the report as it always was (`?lang=en` is byte-identical to no `lang`, so evidence
 * kinds and balances are their codes). Welsh: `reportWordsWelsh.ts`, the same keys (a missing one
 * does not compile). What the report shares with the charter and the case register (a
 * standard's status, "No text yet.", "Signed by 3 members.") comes from their table
 * (`exports/markdownWords.ts`); its headings from `exports/headings.ts`; tallies and Moot's
 * questions from the protocol's words (`votes/phraseWords.ts`).
 */
export const REPORT_ENGLISH = {
  commissionedBy: (by: string) => `Commissioned by ${by}.`,
  met: (from: string, to: string) => `Met from ${from} to ${to}.`,
  /** A start or end the organisers left blank. */
  unknownDate: '?',
  builtAt: (at: string) => `Built from the record ${at}.`,
  parts: {
    participation: 'Who took part',
    programme: 'Programme',
    evidence: 'Evidence heard',
    'final-ballot': 'Final ballot',
    standards: 'Standards',
    ladders: 'Consequence ladders',
    cases: 'Register of breach cases',
    statements: 'Members’ statements',
  } satisfies Record<ReportPartAnchor, string>,
  // Who took part.
  noFigures: '_The organisers published no figures._',
  value: 'Value',
  members: 'Members',
  fewerThan: (minimum: number) => `fewer than ${minimum}`,
  // The programme.
  noSittings: '_No sittings._',
  expertSession: 'expert session',
  // The evidence.
  noEvidence: '_No evidence in the library._',
  evidenceKinds: { briefing: 'briefing', talk: 'talk' } satisfies Record<EvidenceKind, string>,
  balances: { for: 'for', against: 'against', context: 'context' } satisfies Record<EvidenceBalance, string>,
  by: (who: string) => `By ${who}.`,
  interests: (interests: string) => `Interests declared: ${interests}`,
  noSummary: '_No summary._',
  // The final ballot.
  noFinalBallot: '_No final ballot was held._',
  ballotOpen: '_The final ballot is open: results appear when it closes._',
  recommendation: 'Recommendation',
  scale: {
    strongly_agree: 'Strongly agree',
    agree: 'Agree',
    neither: 'Neither',
    disagree: 'Disagree',
    strongly_disagree: 'Strongly disagree',
  } satisfies Record<SupportAnswer, string>,
  support: 'Support',
  outcome: 'Outcome',
  recommendationParts: { standard: 'the standard', ladder: 'its consequences' } satisfies Record<
    RecommendationPart,
    string
  >,
  share: (supporting: number, base: number, percent: number) => `${supporting} of ${base} (${percent}%)`,
  supported: 'Supported',
  notSupported: 'Not supported',
  // The standards, their ladders, the statements.
  noStandards: '_The charter has no standards._',
  noLadders: '_No standard has a consequence ladder._',
  noStatements: '_No member wrote a statement._',
  /** A statement whose author the record no longer names. */
  someMember: 'Member',
  // A standard's consensus map.
  consensus: (members: string, groups: string) =>
    `${members} marked its paragraphs, in ${groups}. Bridging is high only when every group agrees.`,
  opinionGroup: { one: 'opinion group', other: 'opinion groups' } as NounForms,
  paragraph: 'Paragraph',
  agree: 'Agree',
  disagree: 'Disagree',
  pass: 'Pass',
  bridging: 'Bridging',
  reading: 'Reading',
  readings: {
    too_few: 'too few marks to say',
    agreement: 'broad agreement',
    division: 'divides opinion groups',
    disagreement: 'broad disagreement',
    mixed: 'mixed',
  } satisfies Record<ParagraphReading, string>,
};

/** The report's words in one language: the same keys as the English. */
export type ReportWords = typeof REPORT_ENGLISH;
