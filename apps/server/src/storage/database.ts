/**
 * The storage port: one SQL dialect (PostgreSQL) over two engines — PGlite embedded in the
 * process by default, a PostgreSQL server when `DATABASE_URL` is set. Repositories are
 * written once against this interface.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements (migrations) at once. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
