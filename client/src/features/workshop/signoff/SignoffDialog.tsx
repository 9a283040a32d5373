import {
  contentHash,
  isAgreed,
  SIGNER_NAME_MAX_CHARS,
  type Signoff,
  signerNames,
  signoffStatus,
} from '@caseroom/shared';
import { useId, useMemo, useRef, useState } from 'react';
import { failureText } from '../../../api/failureText.ts';
import { DialogButton, WorkshopDialog } from '../../../app/WorkshopDialog.tsx';
import { useLocale, useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { useBusinessCase } from '../../businessCase/businessCaseContext.tsx';
import { useImportedHistory } from '../importedHistory.ts';
import { useWorkshop } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { useFocusLanding } from '../vote/useFocusLanding.ts';
import { RequiredSignersForm } from './RequiredSignersForm.tsx';
import { usePartyNames } from './usePartyNames.ts';

/** The content hash of the case as this browser has it now (W10). */
function useContentHash(): string {
  const { model } = useBusinessCase();
  return useMemo(() => contentHash(model), [model]);
}

/** The sign-offs as the shared rules take them. */
function useSignoffs(): Signoff[] {
  const { signoffs } = useWorkshop();
  return Object.entries(signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at }));
}

/** The top bar's sign-off button (phase 3, or once anyone has signed), "agreed" when all have. */
export function SignoffButton() {
  const m = useMessages();
  const { phase, requiredSigners, signoffs } = useWorkshop();
  const hash = useContentHash();
  const agreed = isAgreed(requiredSigners, useSignoffs(), hash);
  const imported = useImportedHistory().signoffs.length;
  if (phase !== 3 && Object.keys(signoffs).length === 0 && imported === 0) return null;
  return (
    <DialogButton
      label={agreed ? m.workshop.signoff.openAgreed : m.workshop.signoff.open}
      className={agreed ? 'agreed' : ''}
    >
      {(close) => <SignoffDialog onClose={close} />}
    </DialogButton>
  );
}

/**
 * Sign-off (W10): who must sign, each party's state against the version shown here (current,
 * outdated, missing), "sign this version" for one's own party, and "agreed" once every
 * required party has signed this exact version.
 */
function SignoffDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const t = m.workshop.signoff;
  const locale = useLocale();
  const { requiredSigners, signoffs: signed } = useWorkshop();
  const signoffs = useSignoffs();
  // Who signs for the party (issue 15): the name given on the start page, correctable here.
  const [signerName, setSignerName] = useState(() => useUiStore.getState().name);
  const nameId = useId();
  const hash = useContentHash();
  const actions = useWorkshopActions();
  const { names, parties } = usePartyNames();
  const [problem, setProblem] = useState<string | null>(null);
  const imported = useImportedHistory().signoffs;
  const statuses = signoffStatus(requiredSigners, signoffs, hash);
  const agreed = isAgreed(requiredSigners, signoffs, hash);
  // Observers sign nothing (issue 9: the server refuses them); others when asked to (actions.ts).
  const maySign = actions.verdict('signoff.sign', { hash }).shown;
  // Issue 15: once the party has signed, another person sharing its link may add their name.
  const mayCoSign = !maySign && actions.verdict('signoff.cosign', { hash }).shown;
  const status = useRef<HTMLParagraphElement>(null);
  // The sign button goes when the signature arrives through the document, which may be before
  // the request answers: a keyboard user's focus lands on the agreement line either way.
  useFocusLanding(() => status.current, maySign);
  const sign = async () => {
    const result = await actions.perform(maySign ? 'signoff.sign' : 'signoff.cosign', { hash, signerName });
    setProblem(result.ok ? null : result.status === 409 ? t.changed : failureText(m, result));
    // The sign button goes once one has signed; focus moves to the agreement line instead of
    // falling out of the dialog, so a keyboard user keeps their place and hears the outcome.
    if (result.ok) status.current?.focus();
  };
  return (
    <WorkshopDialog title={t.title} intro={t.intro} onClose={onClose}>
      <p className="signoff-agreed" data-agreed={agreed} ref={status} tabIndex={-1}>
        <strong>{agreed ? `✓ ${t.agreed}` : t.notAgreed}</strong>
      </p>
      <p className="help">{t.version(hash.slice(0, 8))}</p>
      <h3>{t.required}</h3>
      {statuses.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="signoff-list">
          {statuses.map((status) => (
            <li key={status.partyId} className="signoff-row" data-state={status.state}>
              <span className="signoff-name">{names.get(status.partyId) ?? t.unknownParty}</span>
              <span className="signoff-state">
                <span aria-hidden="true">
                  {status.state === 'current' ? '✓ ' : status.state === 'outdated' ? '▲ ' : '○ '}
                </span>
                {t.states[status.state]}
                {status.signoff &&
                  ` · ${new Date(status.signoff.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}`}
                {status.signoff &&
                  signerNames(signed[status.partyId] ?? {}).length > 0 &&
                  ` · ${t.signedBy(signerNames(signed[status.partyId] ?? {}).join(', '))}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(maySign || mayCoSign) && (
        <div className="field signoff-signer">
          <label htmlFor={nameId}>{t.signerName}</label>
          <input
            id={nameId}
            type="text"
            autoComplete="name"
            maxLength={SIGNER_NAME_MAX_CHARS}
            value={signerName}
            aria-describedby={`${nameId}-help`}
            onChange={(event) => setSignerName(event.target.value)}
          />
          <p className="help" id={`${nameId}-help`}>
            {maySign ? t.signerNameHelp : t.coSignHelp}
          </p>
          <button type="button" className="primary" onClick={() => void sign()}>
            {maySign ? t.sign : t.coSign}
          </button>
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      {actions.may('signoff.requiredSigners') && <RequiredSignersForm parties={parties} required={requiredSigners} />}
      {imported.length > 0 && (
        <>
          <h3>{t.importedHeading}</h3>
          <p className="help">{t.importedHelp}</p>
          <ul className="signoff-list imported">
            {imported.map((signoff) => (
              <li key={`${signoff.partyId}-${signoff.at}`} className="signoff-row" data-imported="true">
                <span className="signoff-name">{signoff.partyName}</span>
                <span className="signoff-state">
                  {t.importedSigned(
                    new Date(signoff.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }),
                    signoff.hash.slice(0, 8),
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </WorkshopDialog>
  );
}
