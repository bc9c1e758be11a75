import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import '../../i18n/index.ts';
import { OpenVoteForm } from './OpenVoteForm.tsx';

// Rendering sends nothing: the socket is only used when the form is submitted.
const socket = { connected: true } as unknown as AssemblySocket;
const render = (live: boolean) => renderToStaticMarkup(createElement(OpenVoteForm, { socket, standards: [], live }));
const openButton = (html: string) => /<button type="submit"[^>]*>/.exec(html)?.[0] ?? '';

describe('Open a vote', () => {
  it('cannot be pressed without a live session, which it says', () => {
    const idle = render(false);
    expect(openButton(idle)).toContain(' disabled=""');
    expect(idle).toContain('Votes are held in a live session');
    expect(openButton(render(true))).not.toContain(' disabled=""');
  });
});
