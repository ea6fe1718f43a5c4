import { useEffect, useRef, useState, type RefObject } from 'react';
import { Input, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';

/** Short enough to fit the 300 ms keystroke-to-rows budget, long enough to skip mid-word queries. */
export const QUICK_SEARCH_DEBOUNCE_MS = 100;

interface Props {
  value: string;
  onSearch(text: string): void;
  inputRef?: RefObject<InputRef | null>;
}

/**
 * The quick search over names, summary, case number and address (the core handles Chinese terms of any
 * length). Debounced; while a Chinese input method is composing, nothing is sent (its pinyin letters are
 * not the term).
 */
export function QuickSearch({ value, onSearch, inputRef }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A saved view or a reset changes the term from outside.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const schedule = (next: string, delay = QUICK_SEARCH_DEBOUNCE_MS) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(next.trim()), delay);
  };

  return (
    <Input.Search
      ref={inputRef}
      allowClear
      style={{ width: 230 }}
      aria-label={t('queue.search.label')}
      placeholder={t('queue.search.placeholder')}
      data-testid="queue-search"
      value={text}
      maxLength={50}
      onChange={(e) => {
        setText(e.target.value);
        if (!composing.current) schedule(e.target.value);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        schedule(e.currentTarget.value);
      }}
      onSearch={(v) => schedule(v, 0)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setText('');
          schedule('', 0);
        }
      }}
    />
  );
}
