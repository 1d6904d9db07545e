// `?lang=zh` (or en) on any page is remembered in a cookie, so the choice survives navigation and reloads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serialize } from 'cookie';
import { LANG_COOKIE } from './i18n';

export function rememberLangFromQuery(req: IncomingMessage, res: ServerResponse): void {
  const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  if (lang !== 'en' && lang !== 'zh') return;
  res.appendHeader('Set-Cookie', serialize(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 }));
}
