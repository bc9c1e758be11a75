/** The report's parts, in order: the contents list and the sections are made from this one list. */
export const REPORT_PARTS = [
  'participation',
  'programme',
  'evidence',
  'finalBallot',
  'standards',
  'ladders',
  'cases',
  'statements',
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];
