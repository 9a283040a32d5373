import { type FormEvent, useState } from 'react';
import { Link } from '../../app/Link.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { ProfileFields } from './ProfileFields.tsx';

/** Asked once, before entering a case: who are you, and which department are you from? */
export function ProfileGate() {
  const m = useMessages();
  const saved = useUiStore();
  const [name, setName] = useState(saved.name);
  const [department, setDepartment] = useState(saved.department);
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    saved.setDepartment(department.trim());
    saved.setName(name.trim());
  };
  return (
    <div className="page message-page">
      <main id="main" className="message-card">
        <div className="card-top">
          <h1>{m.profile.gateTitle}</h1>
          <LanguageSwitch />
        </div>
        <p>{m.profile.gateIntro}</p>
        <form onSubmit={submit} noValidate>
          <ProfileFields
            name={name}
            department={department}
            onName={setName}
            onDepartment={setDepartment}
            nameError={tried && !name.trim()}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {m.profile.enter}
            </button>
            <Link href="/">{m.room.backToStart}</Link>
          </div>
        </form>
      </main>
    </div>
  );
}
