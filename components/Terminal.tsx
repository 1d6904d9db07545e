'use client';
// The learner's terminal: xterm.js in the browser, socket.io to the server, a tmux session in the sandbox.
// A multi-host lesson has one per node, switched by tabs; each stays mounted (its shell and scrollback
// live on) and only the one in view carries the test contract: data-testid="terminal", data-state
// (connecting → ready, the prompt is live | error) and, with nodes, data-host.
import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { EVENTS, inputChunks, isErrorCode, type NoticeCode, type TerminalStatus } from '@/lib/terminal-protocol';
import { fillTemplate, type AreaTexts } from '@/lib/i18n';
import { useLesson } from './LessonSession';

type Texts = AreaTexts<'terminal'>;
type View =
  | { state: 'connecting'; message: string }
  | { state: 'ready'; message: null }
  /** What the error offers: the same again, a fresh sandbox (the old one is gone), or nothing. */
  | { state: 'error'; message: string; action: 'retry' | 'fresh' | null };

/** Acknowledge drawn output in batches, so acks cost little and the server can pace the sandbox. */
const ACK_BATCH = 16 * 1024;

const THEME = {
  background: '#0f1720',
  foreground: '#d8dee9',
  cursor: '#f0c674',
  selectionBackground: '#3b4b5e',
  black: '#1d2733',
  red: '#ef6b73',
  green: '#8fd18f',
  yellow: '#f0c674',
  blue: '#6fb3ff',
  magenta: '#c49bff',
  cyan: '#6cd4d4',
  white: '#d8dee9',
  brightBlack: '#5c6b7d',
  brightRed: '#ff8a92',
  brightGreen: '#a8e6a8',
  brightYellow: '#ffd98a',
  brightBlue: '#92c7ff',
  brightMagenta: '#d9b8ff',
  brightCyan: '#8fe8e8',
  brightWhite: '#ffffff',
};

function describe(status: TerminalStatus, text: Texts): View {
  switch (status.state) {
    case 'starting':
      return { state: 'connecting', message: text['terminal.starting'] };
    case 'queued':
      return { state: 'connecting', message: fillTemplate(text['terminal.queued'], { n: status.position }) };
    case 'engine-down':
      return { state: 'connecting', message: text['terminal.engine-down'] };
    case 'ready':
      return { state: 'ready', message: null };
    case 'error':
      return { state: 'error', message: text[`terminal.error.${status.code}`], action: status.code === 'ended-gone' ? 'fresh' : 'retry' };
  }
}

/** The terminal panel: its toolbar (the shell's state, or a tab per node; Start over) and the shells. */
export function Terminal() {
  const { nodes, activeNode, setActiveNode, text } = useLesson();
  const [states, setStates] = useState<Record<string, View['state']>>({});
  const [resets, setResets] = useState(0);
  const screens = nodes ?? [undefined];
  const startOver = () => {
    if (window.confirm(text['terminal.reset.confirm'])) setResets((n) => n + 1);
  };
  const stateOf = (node?: string) => states[node ?? ''] ?? 'connecting';
  return (
    <div className="terminal-frame">
      <div className="terminal-toolbar">
        {nodes ? (
          <div className="node-tabs" role="tablist" aria-label={text['terminal.nodes']}>
            {nodes.map((node) => (
              <button
                key={node}
                type="button"
                role="tab"
                className="node-tab"
                data-testid="node-tab"
                data-host={node}
                aria-selected={node === activeNode}
                onClick={() => setActiveNode(node)}
              >
                <span className={`terminal-dot terminal-dot-${stateOf(node)}`} aria-hidden /> root@{node}
              </button>
            ))}
          </div>
        ) : (
          <>
            <span className={`terminal-dot terminal-dot-${stateOf()}`} aria-hidden />
            <span className="terminal-title">{text['terminal.title']}</span>
          </>
        )}
        <button type="button" className="button-quiet" data-testid="reset" onClick={startOver}>
          {text['terminal.reset']}
        </button>
      </div>
      {screens.map((node) => (
        <TerminalScreen
          key={node ?? ''}
          node={node}
          active={node === activeNode}
          resets={resets}
          onState={(state) => setStates((all) => (all[node ?? ''] === state ? all : { ...all, [node ?? '']: state }))}
        />
      ))}
    </div>
  );
}

/** One shell: xterm.js on its socket. `resets` counts "Start over": the shell in view asks for a fresh session. */
function TerminalScreen({ node, active, resets, onState }: { node?: string; active: boolean; resets: number; onState: (state: View['state']) => void }) {
  const { terminalSocket, lesson, text } = useLesson();
  const socket = terminalSocket(node);
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const fitRef = useRef<(() => void) | null>(null);
  const [view, setView] = useState<View>({ state: 'connecting', message: text['terminal.starting'] });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => onState(view.state), [view.state, onState]);

  useEffect(() => {
    if (!socket) return;
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      // xterm touches `window` on import: load it in the browser only.
      const [{ Terminal: XTermClass }, { FitAddon }] = await Promise.all([
        import('@xterm/xterm'),
        import('@xterm/addon-fit'),
      ]);
      if (disposed || !hostRef.current) return;
      const term = new XTermClass({
        fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
        fontSize: 14,
        lineHeight: 1.15,
        cursorBlink: true,
        scrollback: 5000,
        theme: THEME,
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(hostRef.current);
      // A shell out of view has no size of its own yet: it gets the default until it is shown.
      if (hostRef.current.offsetWidth) fit.fit();
      termRef.current = term;

      const size = () => ({ cols: term.cols, rows: term.rows });
      const open = () => socket.emit(EVENTS.open, { ...size(), lesson, node });
      fitRef.current = () => {
        fit.fit();
        if (socket.connected) socket.emit(EVENTS.resize, size());
      };
      let unacked = 0;
      let ackTimer: ReturnType<typeof setTimeout> | undefined;
      const flushAck = () => {
        clearTimeout(ackTimer);
        ackTimer = undefined;
        if (unacked > 0) socket.emit(EVENTS.ack, unacked);
        unacked = 0;
      };

      // Handlers kept by name: the socket is shared with the steps, so only these are removed on cleanup.
      const handlers: [string, Parameters<Socket['on']>[1]][] = [
        ['connect', open],
        [
          'connect_error',
          (err: Error & { data?: { code?: string } }) => {
            const code = err.data?.code;
            if (code) setView({ state: 'error', message: isErrorCode(code) ? text[`terminal.error.${code}`] : code, action: null });
            else setView({ state: 'connecting', message: text['terminal.error.offline'] });
          },
        ],
        ['disconnect', () => setView({ state: 'connecting', message: text['terminal.error.offline'] })],
        [
          EVENTS.status,
          (status: TerminalStatus) => {
            if (status.state === 'starting' || status.state === 'queued') term.reset();
            setView(describe(status, text));
            if (status.state === 'ready' && hostRef.current?.offsetWidth) term.focus();
          },
        ],
        [
          EVENTS.notice,
          (code: NoticeCode) => {
            setNotice(text[`terminal.notice.${code}`]);
            setTimeout(() => setNotice(null), 8000);
          },
        ],
        [
          EVENTS.output,
          (data: ArrayBuffer) => {
            const bytes = new Uint8Array(data);
            term.write(bytes, () => {
              unacked += bytes.length;
              if (unacked >= ACK_BATCH) flushAck();
              else ackTimer ??= setTimeout(flushAck, 20);
            });
          },
        ],
      ];
      for (const [event, handler] of handlers) socket.on(event, handler);
      if (socket.connected) open();
      term.onData((data) => {
        for (const chunk of inputChunks(data)) socket.emit(EVENTS.input, chunk);
      });

      let resizeTimer: ReturnType<typeof setTimeout> | undefined;
      const observer = new ResizeObserver(() => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => {
          if (hostRef.current?.offsetWidth) fitRef.current?.();
        }, 60);
      });
      observer.observe(hostRef.current);

      cleanup = () => {
        observer.disconnect();
        clearTimeout(resizeTimer);
        clearTimeout(ackTimer);
        for (const [event, handler] of handlers) socket.off(event, handler);
        fitRef.current = null;
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [socket, lesson, node, text]);

  // Shown: take the panel's size and the keyboard.
  useEffect(() => {
    if (!active) return;
    fitRef.current?.();
    termRef.current?.focus();
  }, [active]);

  const reopen = (event: string) => {
    const term = termRef.current;
    if (!term || !socket) return;
    setView({ state: 'connecting', message: text['terminal.starting'] });
    if (!socket.connected) socket.connect();
    else socket.emit(event, { cols: term.cols, rows: term.rows, lesson, node });
  };

  // "Start over" (counted by the panel) is asked for by the shell in view; the others follow on the server.
  const seenResets = useRef(resets);
  useEffect(() => {
    if (resets === seenResets.current) return;
    seenResets.current = resets;
    if (active) reopen(EVENTS.reset);
  });

  const contract = active ? { 'data-testid': 'terminal', 'data-state': view.state, ...(node ? { 'data-host': node } : {}) } : {};
  return (
    <div className={`terminal${active ? '' : ' terminal-hidden'}`} {...contract}>
      <div className="terminal-host" ref={hostRef} />
      {view.state !== 'ready' && (
        <div className={`terminal-overlay terminal-overlay-${view.state}`} role="status">
          {view.state === 'connecting' && <span className="spinner" aria-hidden />}
          <p>{view.message}</p>
          {view.state === 'error' && view.action && (
            <button type="button" className="button" data-testid="terminal-action" onClick={() => reopen(EVENTS.open)}>
              {text[`terminal.${view.action}`]}
            </button>
          )}
        </div>
      )}
      {notice && <div className="terminal-notice">{notice}</div>}
    </div>
  );
}
