import { lazy, Suspense, useEffect } from 'react';
import { StartPage } from '../features/start/StartPage.tsx';
import { useMessages } from '../i18n/messages.ts';
import { useUiStore } from '../store.ts';
import { useRoute } from './routes.ts';

// The case room carries the rich-text editor and the sync stack; the start page loads without them.
const CaseRoom = lazy(() =>
  import('../features/caseRoom/CaseRoom.tsx').then((module) => ({ default: module.CaseRoom })),
);

/** The app: the start page or one case room, chosen by the address. */
export function App() {
  const route = useRoute();
  const m = useMessages();
  const language = useUiStore((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  if (route.name !== 'case') return <StartPage />;
  return (
    <Suspense
      fallback={
        <p className="loading" aria-busy="true">
          {m.room.messages.loading.title}
        </p>
      }
    >
      <CaseRoom key={route.caseId} caseId={route.caseId} />
    </Suspense>
  );
}
