import type { Database } from '../../src/storage/database.ts';

/**
 * The real database, with every statement the app sends through `query` noted: a test counts
 * how many look-ups a burst really caused, not how many requests it answered.
 */
export function withQueryLog(db: Database): { db: Database; count(pattern: RegExp): number } {
  const statements: string[] = [];
  const logged = new Proxy(db, {
    get(target, property) {
      if (property === 'query') {
        return (sql: string, params?: readonly unknown[]) => {
          statements.push(sql);
          return target.query(sql, params);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: logged, count: (pattern) => statements.filter((sql) => pattern.test(sql)).length };
}
