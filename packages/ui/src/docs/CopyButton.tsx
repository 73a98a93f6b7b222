import { useState } from 'react';
import * as styles from './docs.css';

/**
 * Copies `text` to the clipboard. The visible label stays "Copy" (so the accessible name starts
 * with what is seen, WCAG 2.5.3); a polite live region says when it worked.
 */
export function CopyButton({ text, label = text }: { text: string; label?: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      setStatus('Copy failed: select the text instead');
    }
  };
  return (
    <span className={styles.copyWrap}>
      <button type="button" className={styles.copyButton} aria-label={`Copy ${label}`} onClick={() => void copy()}>
        Copy
      </button>
      <span className={styles.copyStatus} role="status">
        {status}
      </span>
    </span>
  );
}
