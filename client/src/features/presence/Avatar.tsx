import { initials, textOn } from '../../caseState/palette.ts';

/** A round badge with a person's initials in their colour (decorative: the name is beside it). */
export function Avatar({ name, color, small = false }: { name: string; color: string; small?: boolean }) {
  return (
    <span
      className={`avatar${small ? ' small' : ''}`}
      style={{ backgroundColor: color, color: textOn(color) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
