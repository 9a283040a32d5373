import { SECTIONS, type SectionName } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { Avatar } from '../presence/Avatar.tsx';
import { usePeers } from '../presence/usePeers.ts';

/** The sections of the model, with who is in each; choosing one opens it in the centre. */
export function SectionNav() {
  const m = useMessages();
  const open = useUiStore((state) => state.openSection);
  const setOpen = useUiStore((state) => state.setOpenSection);
  const peers = usePeers();
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
                onClick={() => choose(section)}
              >
                <span className="section-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="section-name">{m.sections[section].title}</span>
                {here.length > 0 && (
                  <span className="section-people">
                    {here.map((peer) => (
                      <Avatar key={peer.clientId} name={peer.name} color={peer.color} small />
                    ))}
                    <span className="visually-hidden">{m.nav.peopleHere(here.map((peer) => peer.name))}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
