import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A link just made: shown once, to copy and send. */
export interface FreshLink {
  href: string;
  /** What it is for, in words. */
  note: string;
  /** Whether it is shown once only (an invite) or stays visible elsewhere (a listed watch link). */
  once: boolean;
}

export function LinkToSend({ link, onDone }: { link: FreshLink; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice invite-link" role="status" data-testid="fresh-link">
      <p>{link.note}</p>
      <label htmlFor={`${id}-link`}>{t('organise.links.linkLabel')}</label>
      <input id={`${id}-link`} type="text" readOnly value={link.href} onFocus={(e) => e.currentTarget.select()} />
      {link.once && <p className="hint">{t('organise.links.shownOnce')}</p>}
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link.href).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('organise.links.copied') : t('organise.links.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('organise.links.done')}
        </button>
      </div>
    </div>
  );
}
