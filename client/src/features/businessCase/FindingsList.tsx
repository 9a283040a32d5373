import { type Finding, renderFinding, SEVERITIES, type Severity } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useGoToField } from './goToField.ts';

/** A shape per severity, so severity never rests on colour alone. */
export const SEVERITY_ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };

/**
 * The open findings, errors first, each a button that opens its section and puts the cursor
 * in its field.
 */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const goToField = useGoToField();
  const t = m.findings;
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);
  const counts = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return (
    <section className="bc-block findings" aria-labelledby="findings-heading">
      <h3 id="findings-heading" className="chart-title">
        {t.heading}
        <span className="findings-total"> ({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <>
          <p className="visually-hidden">{t.summary(counts('error'), counts('warning'), counts('info'))}</p>
          {bySeverity.map((group) => (
            <div key={group.severity} className="finding-group">
              <h4 className="finding-group-heading">
                {t.severityPlural[group.severity]} ({group.findings.length})
              </h4>
              <ul className="finding-list">
                {group.findings.map((finding) => (
                  <li key={findingKey(finding)}>
                    <button
                      type="button"
                      className={`finding finding-${finding.severity}`}
                      data-rule={finding.rule}
                      data-finding-path={finding.path.join('/')}
                      onClick={() => goToField(finding)}
                    >
                      <span className={`severity-icon severity-${finding.severity}`} aria-hidden="true">
                        {SEVERITY_ICONS[finding.severity]}
                      </span>
                      <span className="finding-text">
                        <span className="visually-hidden">{t.severity[finding.severity]}: </span>
                        {renderFinding(finding, lang)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** A finding's identity in the list: its rule, place, message and parameters. */
function findingKey(finding: Finding): string {
  return `${finding.rule}:${finding.path.join('/')}:${finding.messageKey}:${JSON.stringify(finding.params)}`;
}
