/**
 * The storage port: one SQL dialect (PostgreSQL) over two engines — PGlite embedded in the
 * process by default, a PostgreSQL server when `DATABASE_URL` is set. Repositories are
 * written once against this interface.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs `then` once what was written through this is committed: after the transaction's
   * COMMIT (never after a rollback), or straight away outside a transaction. Work that must not
   * hold the transaction open (the audit chain's linking) starts here.
   */
  afterCommit?(then: (db: Database) => void): void;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements (migrations) at once. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
