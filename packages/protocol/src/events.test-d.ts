import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expectTypeOf, it } from 'vitest';
import type { AssemblySnapshot } from './assembly.ts';
import type { StandardView } from './charter.ts';
import type { Ack } from './errors.ts';
import type { AckDataOf, AssemblyClientEvents, AssemblyServerEvents, WatchClientEvents } from './events.ts';

describe('the event maps', () => {
  it('types each command and its ack', () => {
    expectTypeOf<AckDataOf<AssemblyClientEvents['standard:add']>>().toEqualTypeOf<StandardView>();
    expectTypeOf<AckDataOf<AssemblyClientEvents['standard:move']>>().toEqualTypeOf<StandardView[]>();
    expectTypeOf<AckDataOf<AssemblyClientEvents['doc:awareness']>>().toEqualTypeOf<void>();
    expectTypeOf<Parameters<AssemblyClientEvents['standard:add']>[0]>().toEqualTypeOf<{ title: string }>();
  });

  it('gives a typed socket.io client the contract', () => {
    type Client = ClientSocket<AssemblyServerEvents, AssemblyClientEvents>;
    expectTypeOf<Client['emitWithAck']>().toBeCallableWith('standard:add', { title: 'Honesty' });
    expectTypeOf<Client['emit']>().toBeCallableWith(
      'standard:add',
      { title: 'Honesty' },
      (ack: Ack<StandardView>) => ack,
    );
    expectTypeOf<Parameters<AssemblyServerEvents['assembly:snapshot']>[0]>().toEqualTypeOf<AssemblySnapshot>();
  });

  it('offers observers nothing that writes', () => {
    expectTypeOf<keyof WatchClientEvents>().toEqualTypeOf<
      | 'doc:open'
      | 'doc:close'
      | 'clock:ping'
      | 'members:published'
      | 'session:resync'
      | 'evidence:open'
      | 'history:list'
      | 'history:diff'
      | 'history:moments'
    >();
  });
});
