import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import '../../i18n/index.ts';
import { ShowNameToggle } from './ShowNameToggle.tsx';

// Rendering sends nothing: the socket is only used when the box is ticked.
const socket = { connected: true } as unknown as AssemblySocket;

describe('the show-my-name choice', () => {
  it('says what the public sees, and shows the current choice', () => {
    const off = renderToStaticMarkup(createElement(ShowNameToggle, { socket, seat: 7, initial: false }));
    expect(off).toContain('otherwise I appear as “Member 7”');
    expect(off).not.toMatch(/checked=""/);
    const on = renderToStaticMarkup(createElement(ShowNameToggle, { socket, seat: 7, initial: true }));
    expect(on).toMatch(/type="checkbox"[^>]* checked=""/);
  });
});
