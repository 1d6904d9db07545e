'use client';
// The lesson page's two panes: text and terminal side by side, with a divider to drag; on a narrow screen,
// tabs. The terminal stays mounted in both, so switching never drops the shell.
import { useCallback, useRef, useState } from 'react';

type Labels = { text: string; terminal: string; topology: string };

export function LessonLayout({ text, terminal, topology, labels }: { text: React.ReactNode; terminal: React.ReactNode; topology: React.ReactNode; labels: Labels }) {
  const [tab, setTab] = useState<'text' | 'terminal'>('text');
  const [showMap, setShowMap] = useState(true);
  const [split, setSplit] = useState(42);
  const root = useRef<HTMLDivElement>(null);
  const startDrag = useCallback((e: React.PointerEvent) => {
    e.preventDefault();
    const move = (ev: PointerEvent) => {
      const box = root.current?.getBoundingClientRect();
      if (box) setSplit(Math.min(75, Math.max(25, ((ev.clientX - box.left) / box.width) * 100)));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, []);
  return (
    <div className={`lesson-page lesson-tab-${tab}`} ref={root} style={{ '--split': `${split}%` } as React.CSSProperties}>
      <div className="lesson-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'text'} onClick={() => setTab('text')}>
          {labels.text}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'terminal'} onClick={() => setTab('terminal')}>
          {labels.terminal}
        </button>
      </div>
      <article className="lesson-text">{text}</article>
      <div className="lesson-divider" onPointerDown={startDrag} role="separator" aria-orientation="vertical" />
      <section className="lesson-terminal">
        <div className="lesson-terminal-main">{terminal}</div>
        <div className={`lesson-map${showMap ? '' : ' lesson-map-hidden'}`}>
          <button type="button" className="lesson-map-toggle" onClick={() => setShowMap((v) => !v)} aria-expanded={showMap}>
            {showMap ? '▾' : '▸'} {labels.topology}
          </button>
          {showMap && topology}
        </div>
      </section>
    </div>
  );
}
