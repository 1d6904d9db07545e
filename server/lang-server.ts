// The page's language on the server: ?lang= first, then the remembered cookie.
import { cookies } from 'next/headers';
import { LANG_COOKIE, pickLang, type Lang } from '../lib/i18n';

export async function currentLang(searchParams?: Promise<Record<string, string | string[] | undefined>>): Promise<Lang> {
  const query = searchParams ? (await searchParams).lang : undefined;
  return pickLang(query, (await cookies()).get(LANG_COOKIE)?.value);
}
