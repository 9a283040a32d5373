import type { Role } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';

/** A shape per role, so the role never depends on colour alone (the word goes with it). */
const ROLE_SHAPES: Record<Role, string> = { facilitator: '★', editor: '✎', observer: '◉' };

/** A role as a badge: shape and word (Facilitator / Redaktør / Observatør). */
export function RoleBadge({ role }: { role: Role }) {
  const m = useMessages();
  return (
    <span className={`role-badge role-${role}`} data-role={role}>
      <span aria-hidden="true">{ROLE_SHAPES[role]}</span> {m.access.roles[role]}
    </span>
  );
}
