import { type PersonalData, SECTIONS, type SectionName } from '@caseroom/shared';
import type { ReactNode } from 'react';
import { useLocale, useMessages } from '../../i18n/messages.ts';

/** A case's personal data as readable lists: parties, names on the record, comments, activity, versions. */
export function PersonalDataView({ data }: { data: PersonalData }) {
  const m = useMessages();
  const t = m.admin.personalData;
  const locale = useLocale();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const kind = (value: string) => m.access.kinds[value as keyof typeof m.access.kinds] ?? value;
  const role = (value: string) => m.access.roles[value as keyof typeof m.access.roles] ?? value;
  const section = (name: string) =>
    SECTIONS.includes(name as SectionName) ? m.sections[name as SectionName].title : name;
  const partyName = new Map(data.parties.map((party) => [party.id, party.name]));
  const imported = (entry: { imported: boolean }) => (entry.imported ? ` (${t.imported})` : '');

  return (
    <div className="admin-personal-data">
      <h3>{t.listedAt(data.title || t.untitled, when(data.listedAt))}</h3>
      <List heading={t.parties} none={t.none}>
        {data.parties.map((party) => (
          <li key={party.id}>
            <strong>{party.name}</strong> – {t.partyLine(kind(party.kind), role(party.role))}
            {party.endedAt ? `, ${t.ended(when(party.endedAt))}` : ''}
            {party.memberId ? `, ${t.member}` : ''}
          </li>
        ))}
      </List>
      <List heading={t.signoffs} none={t.none}>
        {data.signoffs.map((entry) => (
          <li key={`${entry.partyId}|${entry.at}|${entry.hash}`}>
            <strong>{entry.partyName}</strong> – {when(entry.at)}
            {imported(entry)}
          </li>
        ))}
      </List>
      <List heading={t.decisions} none={t.none}>
        {data.decisions.map((entry) => (
          <li key={`${entry.partyId}|${entry.at}|${entry.text}`}>
            <strong>{entry.partyName}</strong> – {when(entry.at)}
            {imported(entry)}: {entry.text}
          </li>
        ))}
      </List>
      <List heading={t.requiredSigners} none={t.none}>
        {data.requiredSigners.map((entry) => (
          <li key={entry.partyId}>{entry.partyName}</li>
        ))}
      </List>
      <List heading={t.comments} none={t.none}>
        {data.comments.map((comment) => (
          <li key={comment.id}>
            <strong>{comment.partyName}</strong> – {when(comment.at)}: {comment.text}
          </li>
        ))}
      </List>
      <List heading={t.activity} none={t.none}>
        {data.activity.map((entry) => (
          <li key={`${entry.partyId}|${entry.section}|${entry.firstAt}`}>
            <strong>{entry.partyName}</strong> –{' '}
            {t.activityLine(section(entry.section), entry.edits, when(entry.firstAt), when(entry.lastAt))}
          </li>
        ))}
      </List>
      <List heading={t.snapshots} none={t.none}>
        {data.snapshots.map((snapshot) => (
          <li key={snapshot.id}>
            <strong>{snapshot.name}</strong> – {when(snapshot.createdAt)}
            {partyName.has(snapshot.createdByPartyId) ? `, ${partyName.get(snapshot.createdByPartyId)}` : ''}
          </li>
        ))}
      </List>
    </div>
  );
}

/** One heading with its list, or "Ingen." when it is empty. */
function List({ heading, none, children }: { heading: string; none: string; children: ReactNode[] }) {
  return (
    <>
      <h4>{heading}</h4>
      {children.length === 0 ? <p className="empty">{none}</p> : <ul>{children}</ul>}
    </>
  );
}
