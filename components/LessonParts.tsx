'use client';
// The MDX components of a lesson's text: <Step>, <Quiz>, <Hint>, <Solution>, runnable code blocks, and the
// progress bar. data-step / data-status / data-testid attributes are a contract used by tests.
import { createContext, useContext, useState } from 'react';
import { fillTemplate } from '@/lib/i18n';
import { useLesson } from './LessonSession';

/** The enclosing step, and a quiz's answer (so that the step's Check button can submit it too). */
const StepContext = createContext<{ id: string; answer: string; setAnswer: (a: string) => void } | null>(null);

/** `code` spans in verdict messages, as in the lesson text. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function Step({ id, children }: { id: string; children: React.ReactNode }) {
  const { status, verdicts, checking, check, text, steps, lang } = useLesson();
  const [showHint, setShowHint] = useState(false);
  const [answer, setAnswer] = useState('');
  const state = status[id] ?? 'pending';
  const verdict = verdicts[id];
  const info = steps.find((s) => s.id === id);
  return (
    <StepContext.Provider value={{ id, answer, setAnswer }}>
      <section className={`step step-${state}`} id={`step-${id}`} data-step={id} data-status={state}>
        <div className="step-badge">
          <span className="step-status">{text[`step.status.${state}`]}</span>
          {info && <span className="step-points">{fillTemplate(text['step.points'], { n: info.points })}</span>}
        </div>
        {children}
        <div className="step-actions">
          <button
            type="button"
            className={info?.quiz ? 'button-quiet-light' : 'button'}
            data-testid="check"
            disabled={checking[id]}
            onClick={() => check(id, info?.quiz ? answer : undefined)}
          >
            {checking[id] ? text['step.checking'] : text['step.check']}
          </button>
          {verdict && (
            <p
              className={`verdict ${verdict.pass ? 'verdict-pass' : 'verdict-fail'}${verdict.details?.error ? ' verdict-error' : ''}`}
              role="status"
              data-testid="verdict"
            >
              {withCode(verdict.message[lang])}
            </p>
          )}
          {verdict && !verdict.pass && verdict.hint && (
            <>
              <button type="button" className="button-link" onClick={() => setShowHint((v) => !v)}>
                {text['step.showHint']}
              </button>
              {showHint && <p className="verdict-hint">{withCode(verdict.hint[lang])}</p>}
            </>
          )}
        </div>
      </section>
    </StepContext.Provider>
  );
}

export function Quiz({ label }: { label?: string }) {
  const stepContext = useContext(StepContext);
  const { check, text, checking } = useLesson();
  if (!stepContext) return null;
  const { id: step, answer, setAnswer } = stepContext;
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        check(step, answer);
      }}
    >
      {label && <label htmlFor={`quiz-${step}`}>{label}</label>}
      <div className="quiz-row">
        <input
          id={`quiz-${step}`}
          data-testid="quiz-answer"
          value={answer}
          placeholder={text['quiz.placeholder']}
          onChange={(e) => setAnswer(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" data-testid="quiz-submit" disabled={checking[step] || !answer.trim()}>
          {text['quiz.submit']}
        </button>
      </div>
    </form>
  );
}

export function Hint({ children }: { children: React.ReactNode }) {
  const { text } = useLesson();
  return (
    <details className="hint">
      <summary>{text['step.hint']}</summary>
      {children}
    </details>
  );
}

/** The step's solution, behind a click; `askTwice` (a challenge) asks again before it shows it. */
export function Solution({ children, askTwice = false }: { children: React.ReactNode; askTwice?: boolean }) {
  const step = useContext(StepContext)?.id;
  const { text, solutionOpened } = useLesson();
  const [asked, setAsked] = useState(0);
  if (askTwice) {
    if (asked < 2)
      return (
        <div className="solution" data-testid="solution-guard" data-asked={asked}>
          {asked === 1 && <p className="verdict-hint">{text['step.solution.sure']}</p>}
          <button
            type="button"
            className="button-link"
            data-testid="solution-ask"
            onClick={() => {
              setAsked(asked + 1);
              if (asked === 1 && step) solutionOpened(step);
            }}
          >
            {text[asked === 0 ? 'step.solution' : 'step.solution.again']}
          </button>
        </div>
      );
    return (
      <div className="solution" data-testid="solution-shown">
        {children}
      </div>
    );
  }
  return (
    <details
      className="solution"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && step) solutionOpened(step);
      }}
    >
      <summary>{text['step.solution']}</summary>
      {children}
    </details>
  );
}

/** A fenced code block; ```sh run blocks get ▶ Run (types it into the terminal) and Copy. */
export function CodeBlock({
  'data-meta': meta,
  'data-source': source = '',
  ...props
}: React.ComponentProps<'pre'> & { 'data-meta'?: string; 'data-source'?: string }) {
  const { runInTerminal, text } = useLesson();
  const [copied, setCopied] = useState(false);
  const runnable = /\brun\b/.test(meta ?? '');
  // ```sh run node=node2: a multi-host lesson's block for one node (its tab is brought into view).
  const node = /\bnode=([a-z][a-z0-9-]*)/.exec(meta ?? '')?.[1];
  return (
    <div className={`code-block${runnable ? ' code-block-run' : ''}`} data-node={node}>
      {node && <span className="code-node">{node}</span>}
      <pre {...props} />
      {runnable && (
        <div className="code-actions">
          <button type="button" className="button-run" data-testid="run" onClick={() => runInTerminal(source, node)}>
            ▶ {text['code.run']}
          </button>
          <button
            type="button"
            className="button-quiet-light"
            onClick={() => {
              void navigator.clipboard?.writeText(source.replace(/\n$/, ''));
              setCopied(true);
              setTimeout(() => setCopied(false), 1200);
            }}
          >
            {copied ? text['code.copied'] : text['code.copy']}
          </button>
        </div>
      )}
    </div>
  );
}

export function Progress() {
  const { steps, status, text } = useLesson();
  const passed = steps.filter((s) => status[s.id] === 'passed');
  const points = passed.reduce((sum, s) => sum + s.points, 0);
  const percent = steps.length ? Math.round((passed.length / steps.length) * 100) : 0;
  return (
    <div className="progress" data-testid="progress" data-passed={passed.length} data-total={steps.length}>
      <div className="progress-bar">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span>{fillTemplate(text['lesson.progress'], { passed: passed.length, total: steps.length, points })}</span>
      <ol className="progress-steps">
        {steps.map((s) => (
          <li key={s.id} className={`progress-step progress-step-${status[s.id]}`}>
            <a href={`#step-${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ol>
    </div>
  );
}
