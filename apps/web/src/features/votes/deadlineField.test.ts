import { describe, expect, it } from 'vitest';
import { deadlineSeconds, MAX_MINUTES } from './DeadlineField.tsx';

describe('a vote’s deadline as the moderator types it', () => {
  it('is no deadline when empty, seconds for whole minutes in range, refused otherwise', () => {
    expect(deadlineSeconds('')).toBeUndefined();
    expect(deadlineSeconds('  ')).toBeUndefined();
    expect(deadlineSeconds('10')).toBe(600);
    expect(deadlineSeconds(String(MAX_MINUTES))).toBe(MAX_MINUTES * 60);
    for (const bad of ['0', '1.5', '-3', 'ten', String(MAX_MINUTES + 1)]) expect(deadlineSeconds(bad)).toBeNull();
  });
});
