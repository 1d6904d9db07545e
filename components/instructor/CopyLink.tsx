'use client';
// A link to share, with a Copy button.
import { useState } from 'react';

export function CopyLink({ url, copy, copied }: { url: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <span className="copy-link">
      <code data-testid="join-link">{url}</code>
      <button
        type="button"
        className="button-quiet-light"
        onClick={() => {
          void navigator.clipboard?.writeText(url);
          setDone(true);
          setTimeout(() => setDone(false), 1200);
        }}
      >
        {done ? copied : copy}
      </button>
    </span>
  );
}
