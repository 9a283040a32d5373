import { richTextExtensions } from '@caseroom/shared';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useId } from 'react';
import type * as Y from 'yjs';
import { initials, textOn } from '../../../caseState/palette.ts';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useCanEdit } from '../../access/useAccess.ts';

type Props = {
  fragment: Y.XmlFragment | undefined;
  label: string;
  help?: string | undefined;
  /** The field's finding path (see fieldPath.ts), on the field; its editor is focused from it. */
  path?: string;
};

/**
 * Another person's caret: a bar in their colour with who they are — the party the server
 * stamped (A8), then the name they typed — readable on any colour.
 */
function renderCaret(user: { name?: string; color?: string; party?: { name?: unknown } }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = user.color ?? '#000000';
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = user.color ?? '#000000';
  label.style.color = textOn(user.color ?? '#000000');
  const party = typeof user.party?.name === 'string' ? user.party.name : '';
  const name = typeof user.name === 'string' ? user.name : '';
  label.textContent = (party && name && party !== name ? `${party} (${name})` : party || name) || initials('');
  caret.append(label);
  return caret;
}

/**
 * Prose edited together: Tiptap bound to the shared fragment, with everyone's carets. The
 * fragment is created with its section or item; the editor never creates one. Undo goes
 * through the case's own undo manager (see features/undo), not Tiptap's. For an observer the
 * editor is not editable and has no toolbar.
 */
export function RichTextField({ fragment, label, help, path }: Props) {
  const id = useId();
  if (!fragment) return null;
  return <RichTextEditor key={id} fragment={fragment} label={label} help={help} id={id} path={path} />;
}

function RichTextEditor({ fragment, label, help, id, path }: Props & { fragment: Y.XmlFragment; id: string }) {
  const session = useSession();
  const editable = useCanEdit();
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  // Null where there is no DOM to render into (a form rendered in Node): the label and help still show.
  const editor: Editor | null = useEditor(
    {
      editable,
      extensions: [
        ...richTextExtensions,
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: session.provider.awareness.getLocalState()?.user ?? { name: '', color: '#000000' },
          render: renderCaret,
        }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(editable ? {} : { 'aria-readonly': 'true' }),
          ...(help ? { 'aria-describedby': helpId } : {}),
          class: 'rich-text-content',
        },
      },
    },
    [fragment, session],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return (
    <div className="field rich-text" data-path={path}>
      <span className="label" id={labelId}>
        {label}
      </span>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      <div className="rich-text-frame">
        {editable && editor && <Toolbar editor={editor} label={label} />}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const m = useMessages();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  });
  const buttons = [
    { key: 'bold', text: 'B', name: m.richText.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', text: 'I', name: m.richText.italic, run: () => editor.chain().focus().toggleItalic().run() },
    {
      key: 'bulletList',
      text: '•',
      name: m.richText.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      text: '1.',
      name: m.richText.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ] as const;
  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label={m.richText.toolbar(label)}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`tool tool-${button.key}`}
          aria-pressed={active?.[button.key] ?? false}
          title={button.name}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          <span aria-hidden="true">{button.text}</span>
          <span className="visually-hidden">{button.name}</span>
        </button>
      ))}
    </div>
  );
}
