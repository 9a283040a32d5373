import { useMessages } from '../../../i18n/messages.ts';
import { RichTextField } from '../fields/RichTextField.tsx';
import { useSection } from '../useSection.ts';

/** The problem definition, written together as prose. */
export function ProblemSection() {
  const m = useMessages();
  const { fragment } = useSection('problem');
  return (
    <RichTextField
      fragment={fragment('text')}
      path="problem/text"
      label={m.problem.text.label}
      help={m.problem.text.help}
    />
  );
}
