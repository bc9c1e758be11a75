import type { CaseView } from '@moot/protocol';
import { describe, expect, it, vi } from 'vitest';
import { fakeBroadcasts } from '../../../test/support/fakeBroadcasts.ts';
import { CasesStore } from './casesStore.ts';
import { aCase } from '../../../test/support/cases.ts';

describe('CasesStore', () => {
  it('is undefined until the first list, then keeps the last one and tells subscribers', () => {
    const { socket, fire } = fakeBroadcasts();
    const store = new CasesStore(socket);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getSnapshot()).toBeUndefined();
    const cases: CaseView[] = [aCase()];
    fire('cases:state', { cases });
    expect(store.getSnapshot()).toBe(cases);
    fire('cases:state', { cases: [] });
    expect(store.getSnapshot()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('stops listening when destroyed or unsubscribed', () => {
    const { socket, fire, listening } = fakeBroadcasts();
    const store = new CasesStore(socket);
    const listener = vi.fn();
    store.subscribe(listener)();
    fire('cases:state', { cases: [aCase()] });
    expect(listener).not.toHaveBeenCalled();
    store.destroy();
    expect(listening()).toBe(0);
  });
});
