import {
  assemblyRoom,
  audienceRoom,
  participantRoom,
  type MootServer,
  type WatchNamespace,
} from '../../realtime/socketData.ts';
import type { Database } from '../../storage/database.ts';
import { authorsOfHidden, listComments } from './commentStore.ts';

/**
 * Comments to everyone after each change, each audience its own view. The authors of hidden
 * comments get a view of their own (with their text); the other members get theirs without.
 */
export class CommentPublisher {
  constructor(
    private readonly db: Database,
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  async publish(assemblyId: string): Promise<void> {
    const authors = await authorsOfHidden(this.db, assemblyId);
    const [moderators, members, observers] = await Promise.all([
      listComments(this.db, assemblyId, 'moderator', null),
      listComments(this.db, assemblyId, 'member', null),
      listComments(this.db, assemblyId, 'observer', null),
    ]);
    this.io.to(audienceRoom(assemblyId, 'moderator')).emit('comments:state', { comments: moderators });
    this.io
      .to(audienceRoom(assemblyId, 'member'))
      .except(authors.map(participantRoom))
      .emit('comments:state', { comments: members });
    for (const author of authors) {
      const own = await listComments(this.db, assemblyId, 'member', author);
      this.io
        .to(participantRoom(author))
        .except(audienceRoom(assemblyId, 'moderator'))
        .emit('comments:state', { comments: own });
    }
    this.watch.to(assemblyRoom(assemblyId)).emit('comments:state', { comments: observers });
  }
}
