/** Several timestamped notes per person or group: add, edit, delete; the draft survives navigation. */
import { useId, useState } from 'react';
import { call } from '../../lib/api/client';
import type { Note } from '../../lib/db/schema';
import { formatInstant } from './labels';
import { BidiHint, Icon, ErrorText, Section } from './ui';
import { useAction } from '../useAction';
import { useDraft } from './useDraft';
import { displayText } from '../safeText';

export function NotesSection({ targetType, targetId, notes, draftKey, onChanged }: {
  targetType: 'contact' | 'group' | 'event';
  targetId: number;
  notes: Note[];
  /** Where the unsent draft is kept (per person / group). */
  draftKey: string;
  onChanged?: () => void;
}) {
  const draft = useDraft(draftKey);
  const { run, busy, error } = useAction();
  const inputId = useId();
  const add = async () => {
    const text = draft.text.trim();
    if (!text) return;
    const saved = await run(() => call('note.add', { targetType, targetId, text }));
    if (saved) {
      draft.clear();
      onChanged?.();
    }
  };
  return (
    <Section title={`Notes${notes.length ? ` (${notes.length})` : ''}`}>
      <label className="r-sr" htmlFor={inputId}>New note</label>
      <textarea
        id={inputId}
        data-testid="note-input"
        className="r-input r-textarea"
        rows={2}
        placeholder="Write a note… (Ctrl+Enter to add)"
        value={draft.text}
        onChange={(e) => draft.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void add(); }
        }}
      />
      <BidiHint value={draft.text} onClean={draft.setText} />
      <div className="r-row r-row-end">
        {draft.text.trim() ? <span className="r-hint">Draft kept until you add it</span> : null}
        <button type="button" data-testid="add-note" className="r-btn r-btn-primary r-btn-sm" disabled={busy || !draft.text.trim()} onClick={() => void add()}>
          Add note
        </button>
      </div>
      <ErrorText error={error} />
      {notes.length ? (
        <ul className="r-list r-notes">
          {notes.map((n) => <NoteItem key={n.id} note={n} onChanged={onChanged} />)}
        </ul>
      ) : null}
    </Section>
  );
}

function NoteItem({ note, onChanged }: { note: Note; onChanged?: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { run, busy, error } = useAction();
  const editId = useId();
  const save = async () => {
    if (editing == null || !editing.trim()) return;
    if (await run(() => call('note.edit', { id: note.id, text: editing }))) {
      setEditing(null);
      onChanged?.();
    }
  };
  const remove = async () => {
    if (await run(() => call('note.delete', { id: note.id }))) onChanged?.();
  };
  const when = formatInstant(note.createdAt) + (note.updatedAt > note.createdAt + 1000 ? ' · edited' : '');
  return (
    <li className="r-note" data-testid="note-item">
      {editing != null ? (
        <>
          <label className="r-sr" htmlFor={editId}>Edit note</label>
          <textarea id={editId} className="r-input r-textarea" rows={3} value={editing} autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void save(); }
              if (e.key === 'Escape') setEditing(null);
            }} />
          <BidiHint value={editing} onClean={setEditing} />
          <div className="r-row r-row-end">
            <button type="button" className="r-btn r-btn-sm" onClick={() => setEditing(null)}>Cancel</button>
            <button type="button" className="r-btn r-btn-primary r-btn-sm" disabled={busy || !editing.trim()} onClick={() => void save()}>Save</button>
          </div>
        </>
      ) : (
        <>
          <p className="r-note-text"><bdi>{displayText(note.text)}</bdi></p>
          <div className="r-note-meta">
            <span>{when}</span>
            {confirming ? (
              <span className="r-row">
                <span>Delete this note?</span>
                <button type="button" className="r-btn r-btn-sm r-btn-danger" disabled={busy} onClick={() => void remove()}>Delete</button>
                <button type="button" className="r-btn r-btn-sm" onClick={() => setConfirming(false)}>Keep</button>
              </span>
            ) : (
              <span className="r-row">
                <button type="button" className="r-icon-btn" aria-label="Edit note" title="Edit" onClick={() => setEditing(note.text)}><Icon name="edit" /></button>
                <button type="button" className="r-icon-btn" aria-label="Delete note" title="Delete" onClick={() => setConfirming(true)}><Icon name="trash" /></button>
              </span>
            )}
          </div>
          <ErrorText error={error} />
        </>
      )}
    </li>
  );
}
