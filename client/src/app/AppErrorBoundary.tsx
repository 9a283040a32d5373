import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, noticeNewBuild } from './newBuild.ts';
import { ReloadPage } from './UpdateNotice.tsx';

/**
 * Catches what a render throws, so the page is never left blank: a chunk of the app that could
 * not be loaded (a new version was deployed, issue 10) shows "Caseroom was updated — reload";
 * anything else says something went wrong, with the same reload. Edits are in the offline copy.
 * With `quiet` (a part of the room, such as the charts), nothing is shown in place of the failed
 * part: the rest of the room keeps working, and for a new version the update banner says so.
 */
export class AppErrorBoundary extends Component<
  { children: ReactNode; quiet?: boolean },
  { failure: 'update' | 'crashed' | null }
> {
  override state: { failure: 'update' | 'crashed' | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: 'update' | 'crashed' } {
    return { failure: isChunkLoadError(error) ? 'update' : 'crashed' };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isChunkLoadError(error)) noticeNewBuild();
    else console.error('Caseroom could not show the page', error, info.componentStack);
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return this.props.quiet ? null : <ReloadPage kind={failure} />;
  }
}
