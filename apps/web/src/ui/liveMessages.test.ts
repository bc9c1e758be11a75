import { describe, expect, it } from 'vitest';
import { LiveMessageLimiter } from './liveMessages.ts';

describe('LiveMessageLimiter', () => {
  it('announces the first message at once, then at most one per interval', () => {
    const limiter = new LiveMessageLimiter(4000);
    expect(limiter.offer('edit:4', 'Standard 4 edited by Member 17', 1000)).toBe('Standard 4 edited by Member 17');
    expect(limiter.nextAt()).toBeNull();
    expect(limiter.offer('edit:4', 'Standard 4 edited by Member 17', 2000)).toBeNull();
    expect(limiter.nextAt()).toBe(5000);
    expect(limiter.flush(4999)).toBeNull();
    expect(limiter.flush(5000)).toBe('Standard 4 edited by Member 17');
    expect(limiter.flush(9000)).toBeNull();
  });

  it('keeps the newest message per key and joins different keys in arrival order', () => {
    const limiter = new LiveMessageLimiter(4000);
    limiter.offer('turn', 'Now speaking: Ada', 0);
    expect(limiter.offer('edit:2', 'Standard 2 edited by Grace', 100)).toBeNull();
    expect(limiter.offer('edit:4', 'Standard 4 edited by Alan', 200)).toBeNull();
    expect(limiter.offer('edit:2', 'Standard 2 edited by Ada', 300)).toBeNull();
    expect(limiter.flush(4000)).toBe('Standard 4 edited by Alan Standard 2 edited by Ada');
  });

  it('announces at once again after a quiet interval', () => {
    const limiter = new LiveMessageLimiter(4000);
    limiter.offer('a', 'one', 0);
    expect(limiter.offer('a', 'two', 10_000)).toBe('two');
  });
});
