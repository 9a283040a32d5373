import { PRESENCE_NAME_MAX_CHARS } from '@caseroom/shared';
import { useId } from 'react';
import { useMessages } from '../../i18n/messages.ts';

type Props = {
  name: string;
  department: string;
  onName: (name: string) => void;
  onDepartment: (department: string) => void;
  nameError?: boolean;
};

/** Name and department inputs, used on the start page and when entering a case (as long as presence carries them). */
export function ProfileFields({ name, department, onName, onDepartment, nameError = false }: Props) {
  const m = useMessages();
  const id = useId();
  return (
    <div className="form-grid two">
      <div className="field">
        <label htmlFor={`${id}-name`}>{m.profile.name.label}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="name"
          maxLength={PRESENCE_NAME_MAX_CHARS}
          value={name}
          aria-invalid={nameError || undefined}
          aria-describedby={`${id}-name-help${nameError ? ` ${id}-name-error` : ''}`}
          onChange={(event) => onName(event.target.value)}
        />
        <div className="field-notes">
          {nameError && (
            <p className="error" id={`${id}-name-error`}>
              {m.profile.nameRequired}
            </p>
          )}
          <p className="help" id={`${id}-name-help`}>
            {m.profile.name.help}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-department`}>{m.profile.department.label}</label>
        <input
          id={`${id}-department`}
          type="text"
          autoComplete="organization"
          maxLength={PRESENCE_NAME_MAX_CHARS}
          value={department}
          aria-describedby={`${id}-department-help`}
          onChange={(event) => onDepartment(event.target.value)}
        />
        <div className="field-notes">
          <p className="help" id={`${id}-department-help`}>
            {m.profile.department.help}
          </p>
        </div>
      </div>
    </div>
  );
}
