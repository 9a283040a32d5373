import { PARTY_KINDS, type PartyKind, ROLES } from '@caseroom/shared';
import { type FormEvent, useId, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useDepartments } from '../sections/useSection.ts';
import { ApiError } from './ApiError.tsx';
import { inviteParty, type PartyLink } from './accessApi.ts';
import { BLANK_INVITE_FORM, type InviteForm, inviteOf, MAX_NAME, withKind } from './inviteForm.ts';

/**
 * A new party: its name, who it is, its role and — for a department's representative — which
 * department of the case. Creating it makes its link, and the form starts over (name, kind,
 * role and department), ready for the next party.
 */
export function AddPartyForm({ onAdded }: { onAdded: (link: PartyLink) => void }) {
  const m = useMessages();
  const t = m.invite;
  const { caseId, token } = useSession();
  const departments = useDepartments();
  const id = useId();
  const [form, setForm] = useState<InviteForm>(BLANK_INVITE_FORM);
  const { name, kind, role, departmentId } = form;
  const change = (part: Partial<InviteForm>) => setForm((current) => ({ ...current, ...part }));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const nameMissing = name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const invite = inviteOf(form);
    if (!invite) return;
    setBusy(true);
    setFailure(null);
    const result = await inviteParty(caseId, token, invite);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setForm(BLANK_INVITE_FORM);
    setTried(false);
    onAdded(result.value);
  };
  const chooseKind = (next: PartyKind) => setForm((current) => withKind(current, next));

  return (
    <form className="add-party" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t.addHeading}</h3>
      <div className="form-grid two">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.name.label}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={MAX_NAME}
            aria-invalid={tried && nameMissing ? true : undefined}
            aria-describedby={`${id}-name-help${tried && nameMissing ? ` ${id}-name-error` : ''}`}
            onChange={(event) => change({ name: event.target.value })}
          />
          <div className="field-notes">
            {tried && nameMissing && (
              <p className="error" id={`${id}-name-error`}>
                {t.errors.nameRequired}
              </p>
            )}
            <p className="help" id={`${id}-name-help`}>
              {t.name.help}
            </p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.kind.label}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => chooseKind(event.target.value as PartyKind)}>
            {PARTY_KINDS.map((option) => (
              <option key={option} value={option}>
                {m.access.kinds[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-grid two">
        <fieldset className="field choice" aria-describedby={`${id}-role-help`}>
          <legend>{t.role.label}</legend>
          <div className="choice-options">
            {ROLES.map((option) => (
              <label key={option} className="choice-option">
                <input
                  type="radio"
                  name={`${id}-role`}
                  value={option}
                  checked={role === option}
                  onChange={() => change({ role: option })}
                />
                <span>{m.access.roles[option]}</span>
              </label>
            ))}
          </div>
          <p className="help" id={`${id}-role-help`}>
            {t.role.help}
          </p>
        </fieldset>
        {kind === 'department' && (
          <div className="field">
            <label htmlFor={`${id}-department`}>{t.department.label}</label>
            <select
              id={`${id}-department`}
              value={departmentId}
              aria-describedby={`${id}-department-help`}
              onChange={(event) => change({ departmentId: event.target.value })}
            >
              <option value="">{t.department.none}</option>
              {departments.map((department, index) => (
                <option key={department.id} value={department.id}>
                  {department.name || m.list.departmentTitle(index + 1)}
                </option>
              ))}
            </select>
            <div className="field-notes">
              <p className="help" id={`${id}-department-help`}>
                {t.department.help}
              </p>
            </div>
          </div>
        )}
      </div>
      {failure && <ApiError failure={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.adding : t.add}
        </button>
      </div>
    </form>
  );
}
