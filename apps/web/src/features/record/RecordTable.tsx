import type { ReactNode } from 'react';

export interface RecordRow {
  key: string | number;
  cells: ReactNode[];
  /** Marks the row for tests and styling, e.g. the audit action. */
  kind?: string;
}

/** A table of the record: column headers, then a row per entry; scrolls sideways on a phone. */
export function RecordTable({ label, headers, rows }: { label: string; headers: string[]; rows: RecordRow[] }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="record-table">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-action={row.kind}>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
