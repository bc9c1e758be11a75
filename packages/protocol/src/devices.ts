import { z } from 'zod';

/**
 * A seat holder's signed-in devices: one per session cookie (each browser that opened the invite).
 * A device is named by a random id of its own, never by its cookie or the cookie's hash.
 */
export interface DeviceView {
  deviceId: string;
  /** When this device opened the invite (ms since the epoch). */
  signedInAt: number;
  /** When it last connected, if it has since signing in. */
  lastSeenAt: number | null;
  /** The device this list was asked from. */
  thisDevice: boolean;
}

/** `devices:list`'s answer: oldest sign-in first. */
export interface DeviceList {
  devices: DeviceView[];
}

export const listDevicesSchema = z.strictObject({});
/** `devices:signOut`: ends one of one's own sessions; its connections close on every node. */
export const signOutDeviceSchema = z.strictObject({ deviceId: z.uuid() });
export type SignOutDevice = z.infer<typeof signOutDeviceSchema>;

/** Why a command about one's devices was refused (`device.*`). */
export const DEVICE_REASONS = ['notFound'] as const;
