import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acked, connectMember, redeem, type SeededAssembly } from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { redisAvailable } from './support/redis.ts';
import { postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

describe.skipIf(!servicesUp)('signing a device out reaches every node', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let seed: SeededAssembly;
  beforeAll(async () => {
    ({ nodes, seed } = cluster = await twoNodes({ seed: true }));
  });
  afterAll(() => cluster?.close());

  it("a member on node A signs out their phone connected to node B: the phone's socket closes, its cookie is refused", async () => {
    const laptop = await redeem(nodes[0]!.url, seed.memberInvites[0]!, 'Ada');
    const phone = await redeem(nodes[1]!.url, seed.memberInvites[0]!, 'Ada');
    const onA = (await connectMember(nodes[0]!.url, laptop)).socket;
    const onB = (await connectMember(nodes[1]!.url, phone)).socket;
    try {
      const { devices } = acked(await onA.emitWithAck('devices:list', {}));
      const other = devices.find((d) => !d.thisDevice)!;
      const closed = new Promise<string>((resolve) => onB.once('disconnect', resolve));
      acked(await onA.emitWithAck('devices:signOut', { deviceId: other.deviceId }));
      expect(await closed).toBe('io server disconnect');
      await expect(connectMember(nodes[1]!.url, phone)).rejects.toMatchObject({ message: 'unauthorized' });
      expect(onA.connected).toBe(true);
    } finally {
      onA.disconnect();
      onB.disconnect();
    }
  });
});
