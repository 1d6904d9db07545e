// A class's join link: the learner gives the name their instructor will see, and from then on their progress
// appears in that class's view. Joining again changes the name.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { learnerFromCookieHeader } from '@/lib/learner';
import { runtime } from '@/server/runtime';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'join.pageTitle')} · NetLab` };
}

export default async function JoinPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Query> }) {
  const { code } = await params;
  const query = await searchParams;
  const lang = await currentLang(searchParams);
  const { classes } = runtime();
  const target = classes.byJoinCode(code);
  if (!target) {
    return (
      <main className="narrow-page">
        <p className="form-error" role="alert" data-testid="join-error">
          {t(lang, 'join.noClass')}
        </p>
      </main>
    );
  }
  const learner = learnerFromCookieHeader((await cookies()).toString());
  const name = learner ? classes.memberName(target.id, learner) : undefined;
  const error = query.error === 'name' ? 'join.nameError' : query.error === 'cookie' ? 'join.cookieError' : undefined;
  return (
    <main className="narrow-page">
      <h1>{t(lang, 'join.title', { class: target.name })}</h1>
      {name && (
        <div className="card" data-testid="joined">
          <p>{t(lang, 'join.joined', { class: target.name, name })}</p>
          <Link className="button" href="/">
            {t(lang, 'join.start')}
          </Link>
        </div>
      )}
      <form className="card form" method="post" action={`/api/join/${encodeURIComponent(code)}`} data-testid="join">
        {error && (
          <p className="form-error" role="alert">
            {t(lang, error)}
          </p>
        )}
        <label>
          {t(lang, 'join.name')}
          <input name="name" required maxLength={40} defaultValue={name ?? ''} autoComplete="nickname" autoFocus={!name} />
        </label>
        <button type="submit" className={name ? 'button-quiet-light' : 'button'}>
          {t(lang, name ? 'join.rename' : 'join.submit')}
        </button>
      </form>
    </main>
  );
}
