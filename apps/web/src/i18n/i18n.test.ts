import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '@moot/protocol';
import { cy } from './cy.ts';
import { en as bundled } from './en.ts';
import { enConsole } from './enConsole.ts';
import { enRecord } from './enRecord.ts';
import { enJoin } from './enJoin.ts';
import { enProgramme } from './enProgramme.ts';
import { enVoteForm } from './enVoteForm.ts';
import { enOrganise } from './enOrganise.ts';
import { enMembers, enMembersErrors } from './enMembers.ts';
import { enMembersPublic } from './enMembersPublic.ts';
import { enDesk } from './enDesk.ts';
import { enEvidence } from './enEvidence.ts';
import { enWatchLive } from './enWatchLive.ts';
import { enMember } from './enMember.ts';
import { enPresent } from './enPresent.ts';
import { enFacilitator } from './enFacilitator.ts';
import { enAccountability } from './enAccountability.ts';
import { enFinalBallot } from './enFinalBallot.ts';
import { enGroupFloor } from './enGroupFloor.ts';
import { enHistory } from './enHistory.ts';
import { enSuggestions } from './enSuggestions.ts';
import { enPassport } from './enPassport.ts';
import { enConsensus } from './enConsensus.ts';
import { enPanels } from './enPanels.ts';
import { enMemberAccess } from './enMemberAccess.ts';
import { enDevices } from './enDevices.ts';
import { enAppeals } from './enAppeals.ts';
import { enReport } from './enReport.ts';
import { enQuorum } from './enQuorum.ts';
import { enRefusalsDecisions } from './enRefusalsDecisions.ts';
import { enRefusalsRoom } from './enRefusalsRoom.ts';
import { enWords } from './enWords.ts';

const en = {
  ...bundled,
  ...enConsole,
  ...enJoin,
  ...enOrganise,
  ...enMembers,
  ...enMembersPublic,
  ...enDesk,
  ...enEvidence,
  ...enWatchLive,
  ...enMember,
  ...enPresent,
  ...enProgramme,
  ...enFacilitator,
  ...enAccountability,
  ...enFinalBallot,
  ...enGroupFloor,
  ...enHistory,
  ...enSuggestions,
  ...enPassport,
  ...enConsensus,
  ...enPanels,
  ...enMemberAccess,
  ...enDevices,
  ...enAppeals,
  ...enReport,
  ...enQuorum,
  reasons: {
    ...enEvidence.reasons,
    ...enAppeals.reasons,
    ...enRefusalsDecisions.reasons,
    ...enRefusalsRoom.reasons,
    vote: { ...enQuorum.reasons.vote, ...enRefusalsDecisions.reasons.vote },
  },
  record: { ...bundled.record, ...enRecord.record },
  votes: { ...bundled.votes, ...enVoteForm.votes },
  errors: { ...bundled.errors, ...enJoin.errors, ...enMembersErrors.errors, ...enAccountability.errors },
  words: { ...bundled.words, ...enWords.words },
};
import { formatFor } from './format.ts';
import { initialLanguage, localeOf } from './languages.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted.key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the Welsh translation', () => {
  const english = new Map(leaves(en));
  const welsh = leaves(cy);

  it('has every English key (the type checks this too) and no key English lacks, bar plural forms', () => {
    const welshKeys = new Set(welsh.map(([key]) => key));
    expect([...english.keys()].filter((key) => !welshKeys.has(key))).toEqual([]);
    const englishBases = new Set([...english.keys()].map(pluralBase));
    expect(welsh.map(([key]) => key).filter((key) => !english.has(key) && !englishBases.has(pluralBase(key)))).toEqual(
      [],
    );
  });

  it('keeps every placeholder of the English text, and invents none', () => {
    const wrong = welsh
      .map(
        ([key, text]) =>
          [
            key,
            placeholders(text),
            placeholders(english.get(key) ?? english.get(`${pluralBase(key)}_other`)!),
          ] as const,
      )
      .filter(([, ours, theirs]) => ours.join() !== theirs.join());
    expect(wrong).toEqual([]);
  });

  it('is translated: apart from words Welsh shares with English and the language names, nothing is left in English', () => {
    // "Agenda" and "System" are Welsh words too; each language is named in itself; video sites keep their names.
    const SHARED = new Set(['Agenda', 'System', 'English', 'Cymraeg', 'YouTube', 'Vimeo', 'PeerTube']);
    const same = welsh.filter(
      ([key, text]) => english.get(key) === text && !SHARED.has(text) && /[a-z]{4,}/.test(text.replace(/{{\w+}}/g, '')),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe('the words for why the server refused', () => {
  it('word every reason the server can send, in English and in Welsh', () => {
    const keys = Object.entries(REFUSAL_REASONS).flatMap(([feature, reasons]) =>
      reasons.map((reason) => `reasons.${feature}.${reason}`),
    );
    expect(keys.length).toBeGreaterThan(0);
    const worded = (tree: Tree) => {
      const all = new Set(leaves(tree).map(([key]) => pluralBase(key)));
      return (key: string) => all.has(key);
    };
    const inEnglish = worded(en);
    const inWelsh = worded(cy);
    expect(keys.filter((key) => !inEnglish(key))).toEqual([]);
    expect(keys.filter((key) => !inWelsh(key))).toEqual([]);
  });
});

describe('choosing the first language', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(initialLanguage('cy', ['en-GB'])).toBe('cy');
    expect(initialLanguage(null, ['fr-FR', 'cy-GB', 'en'])).toBe('cy');
    expect(initialLanguage('xx', ['de'])).toBe('en');
    expect(localeOf('cy')).toBe('cy-GB');
  });
});

describe('formatting through Intl', () => {
  it('formats numbers and lists in each language', () => {
    expect(formatFor('en').number(1234.5, 1)).toBe('1,234.5');
    expect(formatFor('cy').number(0.4242, 2)).toBe('0.42');
    expect(formatFor('en').list(['Ada', 'Grace', 'Alan'])).toBe('Ada, Grace and Alan');
    expect(formatFor('cy').list(['Ada', 'Alan', 'Grace'])).toBe('Ada, Alan a Grace');
    expect(formatFor('cy').list(['Grace', 'Ada'])).toBe('Grace ac Ada');
    expect(formatFor('cy').list(['Ada'])).toBe('Ada');
  });
});
