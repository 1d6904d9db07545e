// `?lang=zh` (or en) on any page is remembered in a cookie, so the choice survives navigation and reloads.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serialize } from 'cookie';
import { LANG_COOKIE } from './i18n';

export function rememberLangFromQuery(req: IncomingMessage, res: ServerResponse): void {
  const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  if (lang !== 'en' && lang !== 'zh') return;
  res.appendHeader('Set-Cookie', serialize(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 }));
  // This very request renders in that language too (the layout reads the cookie, not the query).
  const others = (req.headers.cookie ?? '').split(/;\s*/).filter((c) => c && !c.startsWith(`${LANG_COOKIE}=`));
  req.headers.cookie = [...others, `${LANG_COOKIE}=${lang}`].join('; ');
}
