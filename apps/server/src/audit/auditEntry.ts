/**
 * One entry of the record of every state change: who, what, when. Never a ballot.
 * (Its own file so the public policy and the chain can name it without importing the log.)
 */
export interface AuditEntry {
  assemblyId: string;
  actorId: string | null;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}
