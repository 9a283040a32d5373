import { useEffect } from 'react';
import { CaseRoom } from '../features/caseRoom/CaseRoom.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { useUiStore } from '../store.ts';
import { useRoute } from './routes.ts';

/** The app: the start page or one case room, chosen by the address. */
export function App() {
  const route = useRoute();
  const language = useUiStore((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return route.name === 'case' ? <CaseRoom key={route.caseId} caseId={route.caseId} /> : <StartPage />;
}
