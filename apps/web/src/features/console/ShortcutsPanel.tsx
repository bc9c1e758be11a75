import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.ts';

/** The "Keyboard shortcuts" list: every key and what it does, in a table (`?` shows and hides it). */
export function ShortcutsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  // Escape closes it too, as it closes any panel that opened over the work.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="desk-shortcuts" aria-labelledby="desk-shortcuts-heading" data-testid="shortcuts-panel">
      <h2 id="desk-shortcuts-heading">{t('desk.shortcutsHeading')}</h2>
      <p className="hint">{t('desk.shortcutsIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('desk.keyColumn')}</th>
            <th scope="col">{t('desk.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' '}
                    <kbd>{key.toUpperCase()}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`desk.actions.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={onClose} aria-keyshortcuts="?">
        {t('desk.hideShortcuts')}
      </button>
    </section>
  );
}
