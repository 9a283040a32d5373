import { useEffect, useState } from 'react';
import { Link } from '../../app/Link.tsx';
import { PageFrame } from '../../app/PageFrame.tsx';
import { ADMIN_PATH, PORTFOLIO_PATH } from '../../app/routes.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { ImportCaseButton } from '../exchange/ImportCaseButton.tsx';
import { readMemberToken } from '../portfolio/memberLink.ts';
import { ProfileFields } from '../profile/ProfileFields.tsx';
import { CaseList } from './CaseList.tsx';
import { NewCaseButtons } from './NewCaseButtons.tsx';

/** The start page: who you are, the cases you can open, a new case, the example or an imported file. */
export function StartPage() {
  const m = useMessages();
  const profile = useUiStore();
  const [hasMemberLink] = useState(() => readMemberToken() !== undefined);
  useEffect(() => {
    document.title = `${m.start.title} – Caseroom`;
  }, [m]);
  return (
    <PageFrame
      className="start-page"
      mainClassName="start-page-main"
      links={
        <Link href={ADMIN_PATH} className="admin-link">
          {m.admin.fromStart}
        </Link>
      }
    >
      <h1>{m.start.title}</h1>
      <p className="lead">{m.start.intro}</p>
      {hasMemberLink && (
        <p>
          <Link href={PORTFOLIO_PATH} className="portfolio-link">
            {m.portfolio.fromStart}
          </Link>
        </p>
      )}
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{m.profile.heading}</h2>
        <p className="help panel-help">{m.profile.remembered}</p>
        <ProfileFields
          name={profile.name}
          department={profile.department}
          onName={profile.setName}
          onDepartment={profile.setDepartment}
        />
      </section>
      <section className="panel" aria-labelledby="cases-heading">
        <div className="panel-heading">
          <h2 id="cases-heading">{m.start.casesHeading}</h2>
          <NewCaseButtons />
        </div>
        <CaseList />
        <ImportCaseButton />
      </section>
    </PageFrame>
  );
}
