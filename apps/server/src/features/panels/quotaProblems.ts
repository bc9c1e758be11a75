import type { ErrorReason } from '@moot/protocol';
import type { PanelQuota, PoolMember } from './leximin.ts';

/**
 * Why no panel meets the quotas, found before anything is drawn, as a reason code with its
 * numbers (worded in the reader's language by the web app). The simple causes are named with the
 * category; when each quota alone could be met but not all at once, the answer says so.
 */
export function quotaProblem(
  pool: readonly PoolMember[],
  quotas: readonly PanelQuota[],
  size: number,
): ErrorReason & { message: string } {
  if (pool.length < size) {
    return {
      key: 'panel.poolTooSmall',
      params: { pool: pool.length, size },
      message: `Only ${pool.length} members can sit on this panel, fewer than the ${size} asked for`,
    };
  }
  for (const q of quotas) {
    const available = pool.filter((m) => m.categories[q.category] === q.value).length;
    if (available < q.min) {
      return {
        key: 'panel.quotaShort',
        params: { category: q.category, value: q.value, min: q.min, available },
        message: `${q.category} “${q.value}” needs at least ${q.min} on the panel, but only ${available} members who may sit have it`,
      };
    }
  }
  for (const category of [...new Set(quotas.map((q) => q.category))]) {
    const own = quotas.filter((q) => q.category === category);
    const minimum = own.reduce((sum, q) => sum + q.min, 0);
    if (minimum > size) {
      return {
        key: 'panel.minimumsTooHigh',
        params: { category, total: minimum, size },
        message: `The minimums for ${category} add up to ${minimum}, more than the panel of ${size}`,
      };
    }
    // Members whose value has no quota (or who have none) may fill any seat of this category.
    const values = new Set(own.map((q) => q.value));
    const unbounded = pool.filter((m) => !values.has(m.categories[category] ?? '\u0000')).length;
    const maximum = own.reduce(
      (sum, q) => sum + Math.min(q.max, pool.filter((m) => m.categories[category] === q.value).length),
      0,
    );
    if (maximum + unbounded < size) {
      return {
        key: 'panel.maximumsTooLow',
        params: { category, total: maximum + unbounded, size },
        message: `At most ${maximum + unbounded} seats can be filled under the quotas for ${category}, fewer than the panel of ${size}`,
      };
    }
  }
  return {
    key: 'panel.quotasClash',
    params: { size },
    message: `Each quota could be met on its own, but no panel of ${size} meets them all at once`,
  };
}

/**
 * The panel's quotas from target shares (the organisers' quota file, else the assembly's own
 * make-up): each value gets between ⌊share × size⌋ and ⌈share × size⌉ seats.
 */
export function quotasFromShares(
  shares: readonly { category: string; value: string; share: number }[],
  size: number,
): PanelQuota[] {
  return shares
    .map((s) => {
      const exact = s.share * size;
      // A share like 0.5 × 12 is 6 exactly; floating point must not make it 5.999… or 6.000…1.
      const rounded = Math.round(exact * 1e6) / 1e6;
      return { category: s.category, value: s.value, min: Math.floor(rounded), max: Math.ceil(rounded) };
    })
    .sort((a, b) => (a.category === b.category ? (a.value < b.value ? -1 : 1) : a.category < b.category ? -1 : 1));
}
