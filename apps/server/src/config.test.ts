import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('the ballot secret settings', () => {
  it('keeps the key file in the user config directory unless told, and reads an empty BALLOT_SECRET as unset', () => {
    expect(readConfig({ HOME: '/home/ada' })).toMatchObject({
      ballotSecret: null,
      ballotSecretFile: '/home/ada/.config/moot/ballot-secret',
    });
    expect(readConfig({ XDG_CONFIG_HOME: '/cfg', BALLOT_SECRET: '' }).ballotSecretFile).toBe('/cfg/moot/ballot-secret');
    expect(readConfig({ BALLOT_SECRET_FILE: '/run/keys/moot' }).ballotSecretFile).toBe('/run/keys/moot');
    expect(readConfig({ BALLOT_SECRET: 'ab'.repeat(32) }).ballotSecret).toBe('ab'.repeat(32));
    expect(() => readConfig({ BALLOT_SECRET: 'short' })).toThrow(/64 hex characters/);
  });
});
