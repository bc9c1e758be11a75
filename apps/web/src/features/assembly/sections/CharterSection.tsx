import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AddStandardForm } from '../../charter/AddStandardForm.tsx';
import { Charge } from '../../charter/Charge.tsx';
import { Charter } from '../../charter/Charter.tsx';
import { standardsDiscussedNow } from '../../session/view.ts';
import type { MemberRoom } from '../memberRoom.ts';
import { MemberStandard } from '../MemberStandard.tsx';

/** `/assembly/charter`: the charge and the whole charter, every standard editable, and adding one. */
export function CharterSection({ live }: { live: MemberRoom }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const discussed = standardsDiscussedNow(live.feed.state ?? null);
  return (
    <>
      <Charge label={t('assembly.chargeLabel')} charge={live.room.assembly.charge} />
      <Charter
        standards={live.room.standards}
        emptyText={t('charter.emptyMember')}
        headingRef={heading}
        renderStandard={(standard, index) => (
          <MemberStandard
            live={live}
            standard={standard}
            index={index}
            discussed={discussed.has(standard.id)}
            onRemoved={() => heading.current?.focus()}
          />
        )}
      >
        <AddStandardForm
          socket={live.socket}
          onAdded={(standard) => live.dispatch({ type: 'standard', standard, added: true })}
        />
      </Charter>
    </>
  );
}
