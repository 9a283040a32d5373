import type { SectionName } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useSectionLock } from '../../../caseState/sectionLock.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useCanFacilitate } from '../../access/useAccess.ts';
import { LockIcon } from '../icons.tsx';
import { useWorkshopCall } from '../useWorkshop.ts';
import { setLock } from '../workshopApi.ts';

/** The facilitator's lock / unlock button for a section (W4). */
export function LockToggle({ section, compact = false }: { section: SectionName; compact?: boolean }) {
  const m = useMessages();
  const t = m.workshop.locks;
  const facilitator = useCanFacilitate();
  const lock = useSectionLock(section);
  const at = useWorkshopCall();
  const [failure, setFailure] = useState<ApiFailure>();
  if (!facilitator) return null;
  const title = m.sections[section].title;
  const toggle = async () => setFailure(failureOf(await setLock(at, section, lock === undefined)));
  return (
    <>
      <button
        type="button"
        className={compact ? 'lock-toggle compact' : 'lock-toggle'}
        aria-label={lock ? t.unlockSection(title) : t.lockSection(title)}
        aria-pressed={compact ? undefined : lock !== undefined}
        onClick={() => void toggle()}
      >
        <LockIcon open={lock === undefined} />
        {!compact && <span aria-hidden="true"> {lock ? t.unlock : t.lock}</span>}
      </button>
      {failure && !compact && <span role="alert">{failureText(m, failure)}</span>}
    </>
  );
}

/** That a section is locked, and by whom, for everyone; what it means for this person. */
export function LockNotice({ section }: { section: SectionName }) {
  const m = useMessages();
  const t = m.workshop.locks;
  const lock = useSectionLock(section);
  const facilitator = useCanFacilitate();
  if (!lock) return null;
  return (
    <p className="lock-notice" role="note">
      <LockIcon /> <strong>{t.lockedBy(lock.partyName)}.</strong> {facilitator ? t.facilitatorMay : t.readOnly}
    </p>
  );
}
