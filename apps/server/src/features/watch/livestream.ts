import { ErrorCode, parseLivestreamUrl, type Livestream, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { assemblyRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';

const ACTION = 'assembly.livestream';

/**
 * The livestream the watch page embeds. It has no table of its own: the setting is the newest
 * `assembly.livestream` audit entry of the assembly (the audit log is append-only, so every
 * change is on the public record, and reading it is one indexed row). The stored address is
 * parsed again on every read, so a PeerTube host taken off `PEERTUBE_HOSTS` stops being
 * embedded at once — as the CSP stops allowing it.
 */
export async function readLivestream(
  db: Queryable,
  assemblyId: string,
  peertubeHosts: readonly string[],
): Promise<Livestream | null> {
  const [row] = await db.query<{ detail: { url?: unknown } }>(
    `SELECT detail FROM audit_log WHERE assembly_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1`,
    [assemblyId, ACTION],
  );
  const url = row?.detail.url;
  return typeof url === 'string' && url !== '' ? parseLivestreamUrl(url, peertubeHosts) : null;
}

/** `livestream:set`: moderators set or remove it; everyone (members and the public) is sent the new state. */
export function registerLivestreamCommands(ctx: AppContext, socket: AssemblySocket): void {
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;
  on('assembly', socket, 'livestream:set', ctx.logger, async ({ url }) => {
    const livestream = url === '' ? null : parseLivestreamUrl(url, ctx.peertubeHosts);
    if (url !== '' && !livestream)
      throw new AppError(
        ErrorCode.badRequest,
        'Only an https address of a YouTube or Vimeo video, or of a video on a PeerTube site this server lists, can be embedded',
        refusal('livestream', 'notEmbeddable'),
      );
    await ctx.db.transaction((tx) =>
      recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: ACTION,
        target: assemblyId,
        detail: livestream ? { provider: livestream.provider, url: livestream.url } : { provider: null, url: '' },
      }),
    );
    const update = { livestream };
    ctx.io.to(assemblyRoom(assemblyId)).emit('livestream:state', update);
    ctx.watch.to(assemblyRoom(assemblyId)).emit('livestream:state', update);
    return update;
  });
}
