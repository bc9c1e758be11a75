import type { SuggestedText, SuggestionView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './suggestionStrings.ts';
import './suggestions.css';

/** One run of suggested words in its marks (a link is shown with its address, not followed). */
function Run({ run }: { run: SuggestedText }) {
  let node: ReactNode = run.text;
  for (const mark of run.marks ?? []) {
    if (mark.type === 'link') node = <span title={mark.attrs.href}>{node}</span>;
    else if (mark.type === 'bold') node = <strong>{node}</strong>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'strike') node = <s>{node}</s>;
    else if (mark.type === 'underline') node = <u>{node}</u>;
    else node = <code>{node}</code>;
  }
  return node;
}

/**
 * A suggestion in words, wherever amendments are listed: "Replace ~~the truth~~ with
 * <ins>the whole truth</ins>" — struck and inserted text, each also said in words.
 */
export function SuggestedChange({ suggestion }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  const inserted = suggestion.content.length > 0 && (
    <ins className="suggestion-inserted">
      {suggestion.content.map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </ins>
  );
  const removed = <del className="suggestion-quote">{suggestion.quote}</del>;
  return (
    <p className="amendment-text suggested-change" data-testid="suggested-change">
      {!suggestion.quote ? (
        <>
          {t('suggestions.insert')} {inserted}
        </>
      ) : suggestion.content.length === 0 ? (
        <>
          {t('suggestions.remove')} {removed}
        </>
      ) : (
        <>
          {t('suggestions.replace')} {removed} {t('suggestions.with')} {inserted}
        </>
      )}
    </p>
  );
}
