import { findingCounts, SECTIONS, type SectionName } from '@caseroom/shared';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { avatarName, peerLabel } from '../../caseState/presence.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useBusinessCase } from '../businessCase/businessCaseContext.tsx';
import { SEVERITY_ICONS } from '../businessCase/FindingsList.tsx';
import { useNavRail } from '../caseRoom/navRail.ts';
import { useOpenCommentCounts } from '../comments/useComments.ts';
import { Avatar } from '../presence/Avatar.tsx';
import { PresenceDots } from '../presence/PresenceDots.tsx';
import { usePeers } from '../presence/usePeers.ts';
import { CommentIcon, LockIcon } from '../workshop/icons.tsx';
import { LockToggle } from '../workshop/locks/LockControls.tsx';
import { useWorkshop } from '../workshop/useWorkshop.ts';

/**
 * The sections of the model, with who is in each; choosing one opens it in the centre. While the
 * business case is shown in full width, or beside the section on a narrow screen (`useNavRail`),
 * the navigation is a rail of numbers (app.css), each naming its section on hover and showing who
 * is there as dots in their colours.
 */
export function SectionNav() {
  const m = useMessages();
  const rail = useNavRail();
  const open = useCaseStore((state) => state.openSection);
  const setOpen = useCaseStore((state) => state.setOpenSection);
  const peers = usePeers();
  const counts = findingCounts(useBusinessCase().result.findings);
  const { locks } = useWorkshop();
  const comments = useOpenCommentCounts();
  const choose = (section: SectionName) => {
    setOpen(section);
    // Keyboard and screen-reader users land on the section they opened.
    requestAnimationFrame(() => document.getElementById('section-heading')?.focus());
  };
  return (
    <nav className="section-nav" aria-label={m.nav.label}>
      <ol>
        {SECTIONS.map((section, index) => {
          const here = peers.filter((peer) => peer.section === section && !peer.isSelf);
          return (
            <li key={section}>
              <button
                type="button"
                className="section-link"
                aria-current={open === section ? 'page' : undefined}
                title={rail ? m.sections[section].title : undefined}
                onClick={() => choose(section)}
              >
                <span className="section-number" aria-hidden="true">
                  {index + 1}
                </span>
                {rail && <PresenceDots peers={here} />}
                <span className="section-name">{m.sections[section].title}</span>
                {locks[section] && (
                  <span className="nav-lock">
                    <LockIcon />
                    <span className="visually-hidden">, </span>
                    {m.workshop.locks.navLocked}
                  </span>
                )}
                {(comments[section] ?? 0) > 0 && (
                  <span className="nav-comments">
                    <CommentIcon />
                    <span aria-hidden="true">{comments[section]}</span>
                    <span className="visually-hidden">, {m.workshop.comments.navCount(comments[section] ?? 0)}</span>
                  </span>
                )}
                <FindingCount errors={counts[section]?.error ?? 0} warnings={counts[section]?.warning ?? 0} />
                {here.length > 0 && (
                  <span className="section-people">
                    {here.map((peer) => (
                      <Avatar key={peer.clientId} name={avatarName(peer)} color={peer.color} small />
                    ))}
                    <span className="visually-hidden">{m.nav.peopleHere(here.map(peerLabel))}</span>
                  </span>
                )}
              </button>
              <LockToggle section={section} compact />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Open errors and warnings of a section: shapes and numbers, with the words for screen readers. */
function FindingCount({ errors, warnings }: { errors: number; warnings: number }) {
  const m = useMessages();
  if (errors === 0 && warnings === 0) return null;
  return (
    <span className="finding-counts">
      {errors > 0 && (
        <span className="count count-error" aria-hidden="true">
          {SEVERITY_ICONS.error} {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="count count-warning" aria-hidden="true">
          {SEVERITY_ICONS.warning} {warnings}
        </span>
      )}
      <span className="visually-hidden">, {m.nav.findingCounts(errors, warnings)}</span>
    </span>
  );
}
