import type { SectionName } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useSectionLock } from '../../../caseState/sectionLock.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { ActionButton } from '../ActionButton.tsx';
import { LockIcon } from '../icons.tsx';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/** The facilitator's lock / unlock button for a section (W4). */
export function LockToggle({ section, compact = false }: { section: SectionName; compact?: boolean }) {
  const m = useMessages();
  const t = m.workshop.locks;
  const lock = useSectionLock(section);
  const [failure, setFailure] = useState<ApiFailure>();
  const args = { section, title: m.sections[section].title, locked: lock !== undefined };
  return (
    <>
      <ActionButton
        name="lock.toggle"
        args={args}
        className={compact ? 'lock-toggle compact' : 'lock-toggle'}
        ariaLabel={lock ? t.unlockSection(args.title) : t.lockSection(args.title)}
        pressed={compact ? undefined : lock !== undefined}
        onResult={(result) => setFailure(failureOf(result))}
      >
        <LockIcon open={lock === undefined} />
        {!compact && <span aria-hidden="true"> {lock ? t.unlock : t.lock}</span>}
      </ActionButton>
      {failure && !compact && <span role="alert">{failureText(m, failure)}</span>}
    </>
  );
}

/** That a section is locked, and by whom, for everyone; what it means for this person. */
export function LockNotice({ section }: { section: SectionName }) {
  const m = useMessages();
  const t = m.workshop.locks;
  const lock = useSectionLock(section);
  // The facilitator may still change a locked section (the one who may lock it).
  const facilitator = useWorkshopActions().may('lock.toggle');
  if (!lock) return null;
  return (
    <p className="lock-notice" role="note">
      <LockIcon /> <strong>{t.lockedBy(lock.partyName)}.</strong> {facilitator ? t.facilitatorMay : t.readOnly}
    </p>
  );
}
