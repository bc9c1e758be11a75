import { PROTOCOL_VERSION, type AssemblySnapshot } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import type { SocketData } from '../../realtime/socketData.ts';
import { listCharter } from '../charter/charterStore.ts';

/** The full state a client needs on every (re)connection; observers never see a member's name. */
export async function buildSnapshot(ctx: AppContext, data: SocketData): Promise<AssemblySnapshot> {
  const p = data.participant;
  return {
    protocolVersion: PROTOCOL_VERSION,
    assembly: data.assembly,
    standards: await listCharter(ctx.db, data.assembly.id),
    me: p ? { id: p.id, role: p.role, displayName: p.displayName, seat: p.seat, showName: p.showName } : null,
    watchers: await ctx.watchers.count(data.assembly.id),
    serverTime: Date.now(),
  };
}

export { publicName } from '@moot/protocol';
