'use client';
// One lesson on the instructor's course page: its last verification, and "Verify now", which runs
// lessons:verify for it on the server and fills the table row by row as the steps are done.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { VerifyRow } from '@/store/verifications';
import { fillTemplate, type AreaTexts, type Lang } from '@/lib/i18n';

type Last = { ok: boolean; at: string; ms: number; rows: VerifyRow[] };
type Outcome = { ok: boolean; ms: number } | { error: string };

export function LessonVerification({
  slug,
  last,
  changed,
  lang,
  text,
}: {
  slug: string;
  last?: Last;
  changed: boolean;
  lang: Lang;
  text: AreaTexts<'instructor.course' | 'instructor.verify'>;
}) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [rows, setRows] = useState<VerifyRow[] | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  async function verify() {
    setRunning(true);
    setRows([]);
    setOutcome(undefined);
    try {
      const response = await fetch(`/api/instructor/lessons/${slug}/verify`, { method: 'POST' });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: Record<string, string> };
        setOutcome({ error: body.error?.[lang] ?? fillTemplate(text['instructor.verify.http'], { status: response.status }) });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { row?: VerifyRow; done?: { ok: boolean; ms: number }; error?: Record<string, string> };
          if (message.row) setRows((r) => [...(r ?? []), message.row!]);
          if (message.done) setOutcome(message.done);
          if (message.error) setOutcome({ error: message.error[lang] ?? '' });
        }
      }
    } catch (err) {
      setOutcome({ error: (err as Error).message });
    } finally {
      setRunning(false);
      router.refresh(); // the "last verification" beside it
    }
  }

  const shown = rows ?? last?.rows;
  const state = last ? (last.ok ? 'ok' : 'failed') : 'never';
  return (
    <div className="verification" data-verified={state}>
      <div className="verification-summary">
        <span className={`badge badge-${state}`}>
          {last ? text[last.ok ? 'instructor.course.ok' : 'instructor.course.failed'] : text['instructor.course.never']}
        </span>
        {last && (
          <span className="muted small">
            {new Date(last.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')} · {fillTemplate(text['instructor.verify.seconds'], { s: (last.ms / 1000).toFixed(1) })}
            {changed && <> · {text['instructor.course.changed']}</>}
          </span>
        )}
        <button type="button" className="button" data-testid="verify-now" disabled={running} onClick={() => void verify()}>
          {running ? text['instructor.verify.running'] : text['instructor.verify.now']}
        </button>
      </div>
      {outcome && (
        <p
          className={`verdict ${'error' in outcome || !outcome.ok ? 'verdict-fail' : 'verdict-pass'}`}
          data-testid="verify-result"
          data-ok={'error' in outcome ? 'false' : String(outcome.ok)}
        >
          {'error' in outcome
            ? outcome.error
            : fillTemplate(text[outcome.ok ? 'instructor.verify.done.ok' : 'instructor.verify.done.failed'], { s: (outcome.ms / 1000).toFixed(1) })}
        </p>
      )}
      {shown && shown.length > 0 && (
        <details open={rows !== undefined}>
          <summary className="small">{text['instructor.course.last']}</summary>
          <table className="data-table" data-testid="verify-table">
            <thead>
              <tr>
                <th>{text['instructor.verify.step']}</th>
                <th>{text['instructor.verify.fresh']}</th>
                <th>{text['instructor.verify.before']}</th>
                <th>{text['instructor.verify.after']}</th>
                <th>{text['instructor.verify.ms']}</th>
                <th>{text['instructor.verify.result']}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.step} data-verify-step={r.step} data-ok={String(r.ok)}>
                  <td>
                    <code>{r.step}</code>
                  </td>
                  <td data-verify-fresh>{r.fresh}</td>
                  <td>{r.before}</td>
                  <td>{r.after}</td>
                  <td>{r.ms}</td>
                  <td className={r.ok ? 'ok' : 'bad'}>{r.ok ? '✓' : `✗ ${r.note ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
