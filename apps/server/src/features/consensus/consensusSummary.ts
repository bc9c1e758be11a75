import type { ConsensusSummary, StandardConsensus } from '@moot/protocol';

/**
 * A standard's consensus map as the record keeps it (the report and the charter's exports): the
 * stored map's totals, groups and bridging, never its paragraph keys or wordings. Null when the
 * standard has no map or no paragraphs.
 */
export function consensusSummary(map: StandardConsensus | undefined): ConsensusSummary | null {
  if (!map || map.paragraphs.length === 0) return null;
  return {
    members: map.members,
    groups: map.groupSizes.length,
    paragraphs: map.paragraphs.map((p) => ({
      opening: p.opening,
      agree: p.agree,
      disagree: p.disagree,
      pass: p.pass,
      bridging: p.bridging,
      reading: p.reading,
    })),
  };
}
