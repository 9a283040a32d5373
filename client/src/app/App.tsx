import { lazy, Suspense, useEffect } from 'react';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { LibraryPage } from '../features/libraryAdmin/LibraryPage.tsx';
import { PortfolioPage } from '../features/portfolio/PortfolioPage.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { useMessages } from '../i18n/messages.ts';
import { useUiStore } from '../store.ts';
import { AppErrorBoundary } from './AppErrorBoundary.tsx';
import { useRoute } from './routes.ts';
import { UpdateNotice } from './UpdateNotice.tsx';

// The case room carries the rich-text editor and the sync stack; the start page loads without them.
const CaseRoom = lazy(() =>
  import('../features/caseRoom/CaseRoom.tsx').then((module) => ({ default: module.CaseRoom })),
);

/**
 * The app: the start page or one case room, chosen by the address. A page that cannot be shown
 * — the case room's chunk is gone after a new version was deployed — says why, with a reload
 * (issue 10); a new version noticed while the page works shows as a banner.
 */
export function App() {
  const route = useRoute();
  const m = useMessages();
  const language = useUiStore((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <AppErrorBoundary key={route.name === 'case' ? `case:${route.caseId}` : route.name}>
      {route.name === 'portfolio' ? (
        <PortfolioPage />
      ) : route.name === 'library' ? (
        <LibraryPage />
      ) : route.name === 'admin' ? (
        <AdminPage />
      ) : route.name !== 'case' ? (
        <StartPage />
      ) : (
        <Suspense
          fallback={
            <p className="loading" aria-busy="true">
              {m.room.messages.loading.title}
            </p>
          }
        >
          <CaseRoom key={route.caseId} caseId={route.caseId} />
        </Suspense>
      )}
      <UpdateNotice />
    </AppErrorBoundary>
  );
}
