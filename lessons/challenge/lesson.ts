// Lesson 11: a challenge. The three-tier layout of seed 003 (frontend, app, db on networks of the learner's
// design) from a one-paragraph spec, graded by probes of what each container can reach.
import { container } from '../../grader/vocabulary';
import type { Prober } from '../../grader/probes';
import { fail, pass, type Verdict } from '../../grader/verdict';
import type { CheckContext } from '../../grader/grader';
import { defineLesson } from '../../course/format';

type Requirement = { met: boolean; en: string; zh: string };

/** frontend answers on the host's port 8080, and no other container publishes anything. */
async function onlyFrontendPublished({ snap, probe }: CheckContext): Promise<Requirement> {
  const others = snap.containers.filter((c) => c.running && c.name !== 'frontend' && c.ports.length > 0).map((c) => c.name);
  const page = await probe.http({ host: true }, 'http://127.0.0.1:8080/');
  const frontend = container(snap, 'frontend');
  const met = !!frontend?.running && frontend.ports.some((p) => p.hostPort === 8080 && p.containerPort === 80) && page.ok && !others.length;
  return {
    met,
    en: others.length ? `only frontend is published (${others.join(', ')} publish ports too)` : "frontend answers on the host's port 8080",
    zh: others.length ? `只发布 frontend（${others.join('、')} 也发布了端口）` : 'frontend 在主机的 8080 端口上响应',
  };
}

/** `from` fetches http://<to>/ by name. */
async function reaches(probe: Prober, from: string, to: string): Promise<Requirement> {
  const met = (await probe.http({ container: from }, `http://${to}/`)).ok;
  return { met, en: `${from} reaches ${to} by its name`, zh: `${from} 能按名字访问 ${to}` };
}

/** frontend reaches db neither by name nor at any of db's addresses. */
async function frontendCannotReachDb({ snap, probe }: CheckContext): Promise<Requirement> {
  const db = container(snap, 'db');
  const addresses = (db?.networks ?? []).map((n) => n.ipAddress).filter((a): a is string => !!a);
  const [byName, ...byAddress] = await Promise.all([
    probe.resolve({ container: 'frontend' }, 'db'),
    ...addresses.map((a) => probe.ping({ container: 'frontend' }, a)),
  ]);
  const reached = addresses.filter((_, i) => byAddress[i]!.ok);
  const met = !!db?.running && !!container(snap, 'frontend')?.running && !byName.ok && !reached.length;
  return {
    met,
    en: `frontend cannot reach db${byName.ok ? ' (it resolves the name db)' : ''}${reached.length ? ` (it pings ${reached.join(', ')})` : ''}`,
    zh: `frontend 访问不到 db${byName.ok ? '（它能解析名字 db）' : ''}${reached.length ? `（它能 ping 通 ${reached.join('、')}）` : ''}`,
  };
}

/** The spec's requirements, each with ✓ or ✗: all met passes. */
function verdictOf(requirements: Requirement[], passed: { en: string; zh: string }): Verdict {
  const list = (lang: 'en' | 'zh') => requirements.map((r) => `${r.met ? '✓' : '✗'} ${r[lang]}`).join('; ');
  if (requirements.every((r) => r.met)) return pass({ en: `${passed.en} ${list('en')}.`, zh: `${passed.zh}${list('zh')}。` });
  const met = requirements.filter((r) => r.met).length;
  return fail(
    { en: `${met} of ${requirements.length} met: ${list('en')}.`, zh: `满足了 ${requirements.length} 项中的 ${met} 项：${list('zh')}。` },
    {
      en: 'Which networks is each container on? docker inspect -f \'{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}\' frontend app db',
      zh: '每个容器都在哪些网络上？docker inspect -f \'{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}\' frontend app db',
    },
  );
}

export default defineLesson({
  slug: 'challenge',
  minutes: 30,
  buildsOn: ['connect', 'ports', 'dns'],
  title: { en: 'Challenge: frontend, app, db', zh: '挑战：frontend、app、db' },
  summary: { en: 'Build a three-tier layout from a spec, graded by what can reach what.', zh: '按需求搭建三层结构，由“谁能访问谁”来评分。' },
  steps: [
    {
      id: 'frontend',
      title: { en: 'frontend, on port 8080', zh: '8080 端口上的 frontend' },
      points: 10,
      solution: ['docker network create front-net', 'docker network create back-net', 'docker run -d --name frontend --network front-net -p 8080:80 nginx'],
      check: async (ctx) => verdictOf([await onlyFrontendPublished(ctx)], { en: 'frontend is up and published.', zh: 'frontend 已启动并发布。' }),
    },
    {
      id: 'app',
      title: { en: 'frontend reaches app', zh: 'frontend 能访问 app' },
      points: 10,
      solution: ['docker run -d --name app --network front-net nginx'],
      check: async (ctx) => verdictOf([await reaches(ctx.probe, 'frontend', 'app')], { en: 'The first link of the chain works.', zh: '链条的第一环通了。' }),
    },
    {
      id: 'db',
      title: { en: 'app reaches db, frontend does not', zh: 'app 能访问 db，frontend 不能' },
      points: 30,
      solution: ['docker network connect back-net app', 'docker run -d --name db --network back-net nginx'],
      check: async (ctx) => {
        const requirements = await Promise.all([
          onlyFrontendPublished(ctx),
          reaches(ctx.probe, 'frontend', 'app'),
          reaches(ctx.probe, 'app', 'db'),
          frontendCannotReachDb(ctx),
        ]);
        return verdictOf(requirements, { en: 'The whole spec holds:', zh: '整份需求都满足了：' });
      },
    },
  ],
});
