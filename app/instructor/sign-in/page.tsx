import type { Metadata } from 'next';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { SESSION_API } from '@/server/instructor-session';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'instructor.signIn.title')} · NetLab` };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const lang = await currentLang(searchParams);
  const error = query.error === 'throttled' ? 'instructor.signIn.throttled' : query.error ? 'instructor.signIn.failed' : undefined;
  const next = typeof query.next === 'string' ? query.next : '';
  return (
    <main className="narrow-page">
      <h1>{t(lang, 'instructor.signIn.title')}</h1>
      <p className="lead">{t(lang, 'instructor.signIn.intro')}</p>
      <form className="card form" method="post" action={SESSION_API} data-testid="sign-in">
        {error && (
          <p className="form-error" role="alert">
            {t(lang, error)}
          </p>
        )}
        <label>
          {t(lang, 'instructor.signIn.name')}
          <input name="name" autoComplete="username" required maxLength={40} autoFocus />
        </label>
        <label>
          {t(lang, 'instructor.signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        {next && <input type="hidden" name="next" value={next} />}
        <button type="submit" className="button">
          {t(lang, 'instructor.signIn.submit')}
        </button>
      </form>
      <p className="muted small">{t(lang, 'instructor.signIn.accounts')}</p>
    </main>
  );
}
