import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/storage/secrets.ts';
import { acked, connectMember, redeem, seedAssembly, startApp, type RunningApp } from './support/harness.ts';

/** The cookie's secret, as the browser holds it (`moot_session=<secret>`). */
const secretOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('a seat holder sees their signed-in devices and signs one out', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('lists both sessions of one member, this one marked; signing out the other closes it and refuses its cookie', async () => {
    const seed = await seedAssembly(running.db);
    const laptop = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    // The same invite opened in another browser continues the same seat: a second session.
    const phone = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    const { socket: onLaptop } = await connectMember(running.url, laptop);
    const { socket: onPhone } = await connectMember(running.url, phone);
    try {
      const { devices } = acked(await onLaptop.emitWithAck('devices:list', {}));
      expect(devices).toHaveLength(2);
      expect(devices.filter((d) => d.thisDevice)).toHaveLength(1);
      for (const device of devices) {
        expect(device.signedInAt).toBeGreaterThan(0);
        // Both connected since signing in.
        expect(device.lastSeenAt).not.toBeNull();
      }
      // No secret, nor its hash, reaches the client: a device is a random id.
      const wire = JSON.stringify(devices);
      for (const cookie of [laptop, phone]) {
        expect(wire).not.toContain(secretOf(cookie));
        expect(wire).not.toContain(hashSecret(secretOf(cookie)).toString('hex'));
        expect(wire).not.toContain(hashSecret(secretOf(cookie)).toString('base64'));
      }
      const fromPhone = acked(await onPhone.emitWithAck('devices:list', {})).devices;
      const phoneDevice = fromPhone.find((d) => d.thisDevice)!;
      expect(devices.find((d) => d.thisDevice)!.deviceId).not.toBe(phoneDevice.deviceId);
      expect(devices.map((d) => d.deviceId).sort()).toEqual(fromPhone.map((d) => d.deviceId).sort());

      const closed = new Promise<string>((resolve) => onPhone.once('disconnect', resolve));
      expect(acked(await onLaptop.emitWithAck('devices:signOut', { deviceId: phoneDevice.deviceId }))).toBeNull();
      expect(await closed).toBe('io server disconnect');
      await expect(connectMember(running.url, phone)).rejects.toMatchObject({ message: 'unauthorized' });
      // The laptop stays signed in and now sees one device: itself.
      expect(onLaptop.connected).toBe(true);
      const left = acked(await onLaptop.emitWithAck('devices:list', {})).devices;
      expect(left).toEqual([expect.objectContaining({ thisDevice: true })]);
      // Signing it out again finds nothing.
      const again = await onLaptop.emitWithAck('devices:signOut', { deviceId: phoneDevice.deviceId });
      expect(again).toMatchObject({ ok: false, error: { code: 'not_found', reason: { key: 'device.notFound' } } });

      const [entry] = await running.db.query<{ action: string; detail: unknown }>(
        `SELECT action, detail FROM audit_log WHERE assembly_id = $1 AND action = 'participant.device_signed_out'`,
        [seed.assemblyId],
      );
      expect(entry?.action).toBe('participant.device_signed_out');
    } finally {
      onLaptop.disconnect();
      onPhone.disconnect();
    }
  });

  it("refuses another member's device as not found, and it stays signed in", async () => {
    const seed = await seedAssembly(running.db);
    const ada = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))).socket;
    const bo = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Bo'))).socket;
    try {
      const [bosDevice] = acked(await bo.emitWithAck('devices:list', {})).devices;
      const refused = await ada.emitWithAck('devices:signOut', { deviceId: bosDevice!.deviceId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // Ada's list never shows Bo's device.
      const adas = acked(await ada.emitWithAck('devices:list', {})).devices;
      expect(adas.map((d) => d.deviceId)).not.toContain(bosDevice!.deviceId);
      expect(bo.connected).toBe(true);
      expect(acked(await bo.emitWithAck('devices:list', {})).devices).toHaveLength(1);
    } finally {
      ada.disconnect();
      bo.disconnect();
    }
  });

  it('a moderator lists and signs out their own devices too', async () => {
    const seed = await seedAssembly(running.db);
    const first = await redeem(running.url, seed.moderatorInvite, 'Mo');
    await redeem(running.url, seed.moderatorInvite, 'Mo');
    const { socket } = await connectMember(running.url, first);
    try {
      const { devices } = acked(await socket.emitWithAck('devices:list', {}));
      expect(devices).toHaveLength(2);
      // The other has never connected: when it signed in is known, when it was last seen is not.
      const other = devices.find((d) => !d.thisDevice)!;
      expect(other.lastSeenAt).toBeNull();
      acked(await socket.emitWithAck('devices:signOut', { deviceId: other.deviceId }));
      expect(acked(await socket.emitWithAck('devices:list', {})).devices).toHaveLength(1);
    } finally {
      socket.disconnect();
    }
  });
});
