import type { StandardView } from '@moot/protocol';
import { useId } from 'react';

interface Props {
  legend: string;
  standards: readonly StandardView[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/** A checkbox per standard of the charter, for the ones an agenda item or the groups concern. */
export function StandardChecks({ legend, standards, selected, onChange }: Props) {
  const id = useId();
  if (standards.length === 0) return null;
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {standards.map((s) => (
        <div key={s.id} className="check">
          <input
            type="checkbox"
            id={`${id}-${s.id}`}
            checked={selected.includes(s.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, s.id] : selected.filter((x) => x !== s.id))}
          />
          <label htmlFor={`${id}-${s.id}`}>{s.title}</label>
        </div>
      ))}
    </fieldset>
  );
}
