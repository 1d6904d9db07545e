// Every instructor page but the sign-in: only for a signed-in instructor (anyone else goes to sign-in).
import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { signedInInstructor } from '@/server/instructor-server';

export const dynamic = 'force-dynamic';

export default async function InstructorLayout({ children }: { children: React.ReactNode }) {
  const instructor = await signedInInstructor();
  const lang = await currentLang();
  return (
    <div className="instructor-area">
      <nav className="instructor-nav">
        <Link href="/instructor" className="instructor-home">
          {t(lang, 'instructor.title')}
        </Link>
        <Link href="/instructor/status" data-testid="status-link">
          {t(lang, 'instructor.status.link')}
        </Link>
        <span className="muted">{t(lang, 'instructor.signedInAs', { name: instructor.name })}</span>
        <form method="post" action="/api/instructor/session/end">
          <button type="submit" className="button-link" data-testid="sign-out">
            {t(lang, 'instructor.signOut')}
          </button>
        </form>
      </nav>
      {children}
    </div>
  );
}
