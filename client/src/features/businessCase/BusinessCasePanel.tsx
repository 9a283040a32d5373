import type { CaseModelDraft, Phase } from '@caseroom/shared';
import { lazy, Suspense, useDeferredValue } from 'react';
import { AppErrorBoundary } from '../../app/AppErrorBoundary.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useBusinessCase, useRisk } from './businessCaseContext.tsx';
import { FindingsList } from './FindingsList.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { ReadinessSummary } from './ReadinessSummary.tsx';

/** The charts (and recharts) load in their own chunk, after the figures are on screen. */
const PanelCharts = lazy(() => import('./PanelCharts.tsx'));

/**
 * The live business case, in the right column of the room: readiness, headline figures, the
 * findings, and the charts. Everything follows the document as anyone edits it; the risk
 * analysis follows a moment later from its worker.
 */
export function BusinessCasePanel() {
  const m = useMessages();
  const t = m.businessCase;
  const mode = useUiStore((state) => state.panelMode);
  const setMode = useUiStore((state) => state.setPanelMode);

  if (mode === 'collapsed') {
    return (
      <aside className="business-case collapsed" aria-label={t.heading}>
        <button
          type="button"
          className="panel-rail-button"
          aria-expanded="false"
          aria-controls="business-case-body"
          onClick={() => setMode('open')}
        >
          <span aria-hidden="true">‹</span> {t.show}
        </button>
      </aside>
    );
  }

  return (
    <aside className="business-case" aria-labelledby="business-case-heading">
      <div className="bc-header">
        <h2 id="business-case-heading">{t.heading}</h2>
        <div className="bc-tools">
          <button
            type="button"
            aria-pressed={mode === 'wide'}
            title={mode === 'wide' ? t.narrow : t.widen}
            onClick={() => setMode(mode === 'wide' ? 'open' : 'wide')}
          >
            {t.widenShort}
          </button>
          <button
            type="button"
            aria-expanded="true"
            aria-controls="business-case-body"
            aria-label={t.hide}
            onClick={() => setMode('collapsed')}
          >
            {t.hideShort}
          </button>
        </div>
      </div>
      <div id="business-case-body" className="bc-body">
        <PanelBody />
      </div>
    </aside>
  );
}

function PanelBody() {
  const m = useMessages();
  const t = m.businessCase;
  const { model, result } = useBusinessCase();
  const risk = useRisk();
  const phase = (model.facts.phase ?? 1) as Phase;
  const computing = risk.status === 'computing';
  // The charts follow at a lower priority than the figures, and only when their inputs change.
  const charts = {
    priced: useDeferredValue(result.priced),
    startYear: useDeferredValue(model.facts.startYear),
    departmentNames: useDeferredValue(departmentNames(model)),
    risk: useDeferredValue(risk),
  };
  return (
    <>
      <p className="bc-status" role="status" aria-live="polite" data-computing={computing}>
        {computing ? t.recomputing : risk.status === 'failed' ? t.riskFailed : ''}
      </p>
      <ReadinessSummary readiness={result.readiness} phase={phase} />
      {result.priced.ok ? (
        <>
          <HeadlineFigures pricing={result.priced.pricing} startYear={model.facts.startYear} />
          {result.priced.excludedOutcomeIds.length > 0 && (
            <p className="help">{t.excludedOutcomes(result.priced.excludedOutcomeIds.length)}</p>
          )}
        </>
      ) : (
        <p className="not-priceable">
          {t.notPriceable} {t.reasons[result.priced.reason]}
        </p>
      )}
      <FindingsList findings={result.findings} />
      {charts.priced.ok && (
        // A charts chunk the server no longer has (a new version) leaves the rest of the panel working.
        <AppErrorBoundary quiet>
          <Suspense fallback={null}>
            <PanelCharts
              priced={charts.priced}
              startYear={charts.startYear}
              departmentNames={charts.departmentNames}
              risk={charts.risk}
            />
          </Suspense>
        </AppErrorBoundary>
      )}
    </>
  );
}

/** Department names by id as one string, so an unchanged list compares equal. */
function departmentNames(model: CaseModelDraft): string {
  return JSON.stringify(model.facts.departments.map((d) => [d.id, d.name ?? '']));
}
