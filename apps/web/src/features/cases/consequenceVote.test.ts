import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { aCase } from '../../../test/support/cases.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import '../../i18n/index.ts';
import { CaseSteering } from './CaseSteering.tsx';
import { consequenceVoteFromDraft, DEFAULT_CONSEQUENCE_VOTE } from './consequenceVote.ts';

const CASE = '33333333-3333-4333-8333-333333333333';

describe('the consequence vote', () => {
  it('sends the receipts the moderator chose, verifiable unless asked, as other votes', () => {
    expect(consequenceVoteFromDraft(CASE, DEFAULT_CONSEQUENCE_VOTE)).toEqual({
      caseId: CASE,
      quorumShare: 0.5,
      receipts: 'verifiable',
    });
    expect(consequenceVoteFromDraft(CASE, { quorumPercent: '75', receipts: 'none' })).toEqual({
      caseId: CASE,
      quorumShare: 0.75,
      receipts: 'none',
    });
    expect(consequenceVoteFromDraft(CASE, { quorumPercent: 'half', receipts: 'none' })).toBeNull();
  });

  it('offers the receipts choice with its trade-off on the case being deliberated', () => {
    // Rendering sends nothing: the socket is only used when the form is submitted.
    const socket = { connected: true } as unknown as AssemblySocket;
    const html = renderToStaticMarkup(
      createElement(CaseSteering, { socket, case: aCase({ id: CASE, status: 'deliberating', votes: [] }) }),
    );
    expect(html).toContain('data-testid="receipts-choice"');
    expect(html).toContain('Give each voter a receipt');
    expect(html).toContain('No receipts');
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="verifiable"/);
  });
});
