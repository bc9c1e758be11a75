import type { ParticipantRole } from '@moot/protocol';
import { inviteParticipant } from '../../src/features/identity/participantStore.ts';
import { connectMember, redeem, type MemberSocket, type RunningApp } from './harness.ts';

/**
 * A seat in any role, taken and connected: how tests get facilitators and note-takers (and
 * extra members) until invites for every role come from the organiser's screen.
 */
export async function seat(
  running: RunningApp,
  assemblyId: string,
  role: ParticipantRole,
  name: string,
): Promise<{ socket: MemberSocket; participantId: string }> {
  const { participant, inviteSecret } = await inviteParticipant(running.db, assemblyId, role);
  const { socket } = await connectMember(running.url, await redeem(running.url, inviteSecret, name));
  return { socket, participantId: participant.id };
}
