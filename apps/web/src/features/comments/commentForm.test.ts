import type { StandardView } from '@moot/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import '../../i18n/index.ts';
import { CommentForm } from './CommentForm.tsx';

// Rendering sends nothing: the socket is only used when the form is submitted.
const socket = { connected: true } as unknown as AssemblySocket;
const standard: StandardView = {
  id: 's',
  position: 0,
  title: 'Honesty',
  status: 'drafting',
  docId: 'standard:s',
  ladder: [],
};

describe('the comment box', () => {
  it('is read-only while muted and says until when, instead of refusing each try', () => {
    const until = Date.UTC(2026, 0, 1, 14, 5);
    const html = renderToStaticMarkup(
      createElement(CommentForm, { socket, standard, silenced: { mutedUntil: until, offset: 0 } }),
    );
    expect(html).toMatch(/<textarea[^>]* readOnly=""/);
    expect(html).toMatch(/<button type="submit"[^>]* disabled=""/);
    expect(html).toContain('You are muted until');
  });

  it('is writable otherwise', () => {
    const html = renderToStaticMarkup(createElement(CommentForm, { socket, standard }));
    expect(html).not.toMatch(/readOnly=""/);
    expect(html).not.toMatch(/ disabled=""/);
  });
});
