/** Tags as removable chips, with autocomplete from the tags already used (`tags.list`). */
import { type KeyboardEvent, useId, useState } from 'react';
import { useApi } from './useApi';
import { displayText } from './safeText';

export interface TagInputProps {
  tags: string[];
  onChange: (tags: string[]) => void;
  label?: string;
  disabled?: boolean;
}

export function TagInput({ tags, onChange, label = 'Tags', disabled }: TagInputProps) {
  const [value, setValue] = useState('');
  const listId = useId();
  const inputId = useId();
  const known = useApi('tags.list', {}, ['contacts', 'groups']).data ?? [];
  const suggestions = known.filter((t) => !tags.includes(t));

  const add = (raw: string) => {
    const t = raw.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
    setValue('');
    if (!t || tags.some((x) => x.toLowerCase() === t.toLowerCase())) return;
    // Reuse the spelling of a tag already used elsewhere.
    const existing = known.find((k) => k.toLowerCase() === t.toLowerCase());
    onChange([...tags, existing ?? t]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(value);
    } else if (e.key === 'Backspace' && !value && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="r-field">
      <label className="r-label" htmlFor={inputId}>{label}</label>
      <div className="r-tags">
        {tags.map((t) => (
          <span className="r-chip" key={t}>
            <bdi>{displayText(t)}</bdi>
            <button type="button" className="r-chip-x" aria-label={`Remove tag ${t}`} disabled={disabled} onClick={() => onChange(tags.filter((x) => x !== t))}>×</button>
          </span>
        ))}
        <input
          id={inputId}
          className="r-input r-tag-input"
          list={listId}
          value={value}
          disabled={disabled}
          placeholder={tags.length ? 'Add tag' : 'e.g. design, Berlin'}
          onChange={(e) => {
            const v = e.target.value;
            // Picking a suggestion from the list fills the whole value at once.
            if (suggestions.includes(v)) add(v);
            else setValue(v);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => value.trim() && add(value)}
        />
        <datalist id={listId}>
          {suggestions.map((t) => <option key={t} value={t} />)}
        </datalist>
      </div>
    </div>
  );
}
