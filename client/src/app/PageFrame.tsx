import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useMessages } from '../i18n/messages.ts';

/**
 * The frame of the pages outside a case room — start page, portfolio, library, administration:
 * the skip link, the header (brand, the page's links, the language switch) and the main region
 * the skip link lands on.
 */
export function PageFrame({
  className,
  mainClassName,
  links,
  children,
  after,
}: {
  className: string;
  mainClassName: string;
  links?: ReactNode;
  children: ReactNode;
  /** What comes after the main region (the page's dialogs). */
  after?: ReactNode;
}) {
  const m = useMessages();
  return (
    <div className={`page start ${className}`}>
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      <header className="start-header">
        <span className="brand">Caseroom</span>
        {links}
        <LanguageSwitch />
      </header>
      <main id="main" className={`start-main ${mainClassName}`}>
        {children}
      </main>
      {after}
    </div>
  );
}
