import { invitePath, type IssuedCard } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode.tsx';

export type CardLayout = 'sheet' | 'single';
const PER_SHEET = 8;

/**
 * The printable cards: an A4 sheet of eight, or one per page (print CSS in members.css sets
 * `@page` and the breaks). Each has the member's name, a QR code of their join link, and the
 * typed code with the address to type it at.
 */
export function InviteCards({
  cards,
  layout,
  assembly,
}: {
  cards: IssuedCard[];
  layout: CardLayout;
  assembly: string;
}) {
  const { t, i18n } = useTranslation();
  const origin = window.location.origin;
  const joinAddress = `${window.location.host}/join`;
  const pages: IssuedCard[][] = [];
  const perPage = layout === 'sheet' ? PER_SHEET : 1;
  for (let i = 0; i < cards.length; i += perPage) pages.push(cards.slice(i, i + perPage));
  return (
    <section className={`invite-cards invite-cards-${layout}`} aria-label={t('members.cards.sheetLabel')}>
      {pages.map((page, p) => (
        <div className="card-page" key={p}>
          {page.map((card) => {
            const link = new URL(invitePath(card.inviteSecret), origin).href;
            return (
              <article className="invite-card" key={card.memberId} data-member-id={card.memberId} data-link={link}>
                <h3>{t('members.cards.cardTitle', { assembly })}</h3>
                <p className="invite-card-name">{t('members.cards.cardFor', { name: card.name })}</p>
                <QrCode text={link} label={t('members.cards.qrLabel', { name: card.name })} />
                <p className="invite-card-hint">{t('members.cards.scan')}</p>
                <p className="invite-card-hint">{t('members.cards.orType', { address: joinAddress })}</p>
                <p className="invite-card-code" data-testid="card-code">
                  {card.code}
                </p>
                <p className="invite-card-hint">
                  {t('members.cards.expires', {
                    date: new Date(card.expiresAt).toLocaleDateString(i18n.language === 'cy' ? 'cy-GB' : 'en-GB'),
                  })}
                </p>
              </article>
            );
          })}
        </div>
      ))}
    </section>
  );
}
