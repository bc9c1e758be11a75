import { instantToWallTime, LIMITS, PLACE_KINDS } from '@moot/protocol';
import type { PlaceKind, PlanSitting, SittingView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The sitting being changed, or none to plan a new one. */
  sitting?: SittingView;
  timeZone: string;
  heading: string;
  submitLabel: string;
  /** Sends the plan; resolves true once accepted (the form then clears, or closes). */
  onSubmit: (plan: PlanSitting) => Promise<boolean>;
  onClose?: () => void;
}

type Problem = 'endBeforeStart' | 'roomNeeded' | 'linkNeeded';

/** What the server would refuse, said before sending (in the reader's language). */
function problemOf(plan: PlanSitting): Problem | null {
  if (plan.endTime <= plan.startTime) return 'endBeforeStart';
  if (plan.place !== 'online' && !plan.roomName?.trim()) return 'roomNeeded';
  if (plan.place !== 'room' && !plan.onlineLink) return 'linkNeeded';
  return null;
}

/** Title, date, start and end (the assembly's zone), and the place: a room, online, or both. */
export function SittingForm({ sitting, timeZone, heading, submitLabel, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const start = sitting?.startsAt != null ? instantToWallTime(sitting.startsAt, timeZone) : null;
  const end = sitting?.endsAt != null ? instantToWallTime(sitting.endsAt, timeZone) : null;
  const [title, setTitle] = useState(sitting?.title ?? '');
  const [date, setDate] = useState(start?.date ?? '');
  const [startTime, setStartTime] = useState(start?.time ?? '10:00');
  const [endTime, setEndTime] = useState(end?.time ?? '16:00');
  const [place, setPlace] = useState<PlaceKind>(sitting?.place?.kind ?? 'room');
  const [roomName, setRoomName] = useState(sitting?.place?.roomName ?? '');
  const [roomAddress, setRoomAddress] = useState(sitting?.place?.roomAddress ?? '');
  const [onlineLink, setOnlineLink] = useState(sitting?.place?.onlineLink ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const room = place !== 'online';
  const online = place !== 'room';

  return (
    <form
      className="sitting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        const plan: PlanSitting = {
          title,
          date,
          startTime,
          endTime,
          place,
          roomName: room ? roomName : '',
          roomAddress: room ? roomAddress : '',
          onlineLink: online && onlineLink ? onlineLink : null,
        };
        const found = problemOf(plan);
        setProblem(found);
        if (found) return;
        void onSubmit(plan).then((ok) => {
          if (!ok || sitting) return;
          setTitle('');
          setDate('');
        });
      }}
    >
      <h3 id={`${id}-h`}>{heading}</h3>
      <div className="form-row">
        <label htmlFor={`${id}-title`}>{t('programme.sittingTitle')}</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={LIMITS.maxTitleLength}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-date`}>{t('programme.dateLabel')}</label>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-start`}>{t('programme.startTime')}</label>
        <input
          id={`${id}-start`}
          type="time"
          value={startTime}
          onChange={(e) => setStartTime(e.target.value)}
          required
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-end`}>{t('programme.endTime')}</label>
        <input
          id={`${id}-end`}
          type="time"
          value={endTime}
          onChange={(e) => setEndTime(e.target.value)}
          aria-describedby={problem === 'endBeforeStart' ? `${id}-problem` : undefined}
          required
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-place`}>{t('programme.place')}</label>
        <select id={`${id}-place`} value={place} onChange={(e) => setPlace(e.target.value as PlaceKind)}>
          {PLACE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`programme.places.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {room && (
        <>
          <div className="form-row">
            <label htmlFor={`${id}-room`}>{t('programme.roomName')}</label>
            <input
              id={`${id}-room`}
              value={roomName}
              maxLength={LIMITS.maxTitleLength}
              onChange={(e) => setRoomName(e.target.value)}
            />
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-address`}>{t('programme.roomAddress')}</label>
            <input
              id={`${id}-address`}
              value={roomAddress}
              maxLength={LIMITS.maxPlaceAddressLength}
              onChange={(e) => setRoomAddress(e.target.value)}
            />
          </div>
        </>
      )}
      {online && (
        <div className="form-row">
          <label htmlFor={`${id}-link`}>{t('programme.onlineLink')}</label>
          <input
            id={`${id}-link`}
            type="url"
            value={onlineLink}
            maxLength={LIMITS.maxLinkLength}
            onChange={(e) => setOnlineLink(e.target.value)}
          />
        </div>
      )}
      {problem && (
        <div className="notice notice-error" role="alert" id={`${id}-problem`} data-error-code="bad_request">
          <p>{t(`programme.${problem}`)}</p>
        </div>
      )}
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {t('programme.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
