// Lesson 4: --link (seeds 000, 003). Legacy, but it shows plainly what Docker writes into a container.
import { addressOn, container, expectRunning, hostsEntry } from '../../grader/vocabulary';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'link',
  minutes: 15,
  buildsOn: ['docker0'],
  title: { en: 'Linking containers with --link', zh: '用 --link 连接容器' },
  summary: { en: 'See what --link writes into /etc/hosts and the environment.', zh: '看看 --link 在 /etc/hosts 和环境变量里写了什么。' },
  setup: ['docker run -d --name ng1 nginx'],
  steps: [
    {
      id: 'link-run',
      title: { en: 'ng2, linked to ng1', zh: '链接到 ng1 的 ng2' },
      points: 10,
      solution: ['docker run -d --name ng2 --link ng1 nginx'],
      check: ({ snap }) => {
        const running = expectRunning(snap, 'ng2');
        if (!running.pass) return running;
        if (!container(snap, 'ng2')!.links.some((l) => l.startsWith('ng1:')))
          return fail(
            { en: 'ng2 runs, but it is not linked to ng1.', zh: 'ng2 在运行，但没有链接到 ng1。' },
            { en: 'A link is set when the container starts: docker rm -f ng2, then docker run -d --name ng2 --link ng1 nginx.', zh: '链接只能在容器启动时设置：先 docker rm -f ng2，再 docker run -d --name ng2 --link ng1 nginx。' },
          );
        return pass({ en: 'ng2 is linked to ng1.', zh: 'ng2 已链接到 ng1。' });
      },
    },
    {
      id: 'hosts-file',
      title: { en: 'What Docker wrote', zh: 'Docker 写了什么' },
      points: 10,
      solution: ['docker exec ng2 cat /etc/hosts'],
      quiz: {
        answer: ({ snap }) => {
          const ng2 = container(snap, 'ng2');
          const entry = ng2 && hostsEntry(ng2, 'ng1');
          if (!ng2?.hostsFile || !entry) return undefined;
          const line = ng2.hostsFile.split('\n').find((l) => l.split(/\s+/).slice(1).includes('ng1'));
          return [line ?? '', `${entry.address} ng1`, entry.address].filter(Boolean);
        },
        wrong: '127.0.0.1 localhost',
        hint: { en: "Look for ng1 in ng2's /etc/hosts: docker exec ng2 cat /etc/hosts.", zh: '在 ng2 的 /etc/hosts 里找 ng1：docker exec ng2 cat /etc/hosts。' },
      },
    },
    {
      id: 'one-way',
      title: { en: 'A one-way street', zh: '单行道' },
      points: 10,
      solution: ['docker exec ng2 ping -c 1 ng1', 'docker exec ng1 ping -c 1 -W 1 ng2 || true'],
      quiz: {
        answer: async ({ probe }) => {
          const [from1, from2] = await Promise.all([probe.resolve({ container: 'ng1' }, 'ng2'), probe.resolve({ container: 'ng2' }, 'ng1')]);
          // The container that cannot find the other by name: shown by a lookup from each side.
          if (!from1.ok && from2.ok) return 'ng1';
          if (from1.ok && !from2.ok) return 'ng2';
          return undefined;
        },
        wrong: 'ng2',
        hint: { en: 'Try docker exec ng1 ping -c 1 ng2, then the other way round, and compare both /etc/hosts files.', zh: '试试 docker exec ng1 ping -c 1 ng2，再反过来试一次，并比较两个容器的 /etc/hosts。' },
      },
    },
    {
      id: 'alias-env',
      title: { en: 'An alias, and variables', zh: '别名与环境变量' },
      points: 15,
      solution: ['docker run -d --name db --expose 5432 busybox sleep 86400', 'docker run -d --name web --link db:db busybox sleep 86400'],
      check: ({ snap }) => {
        const web = container(snap, 'web');
        if (!container(snap, 'db')?.running) return expectRunning(snap, 'db');
        if (!web?.running) return expectRunning(snap, 'web');
        if (!web.links.includes('db:db'))
          return fail({ en: 'web is not linked to db with the alias db.', zh: 'web 没有以别名 db 链接到 db。' }, { en: 'docker run -d --name web --link db:db busybox sleep 86400', zh: 'docker run -d --name web --link db:db busybox sleep 86400' });
        const vars = Object.keys(web.env).filter((k) => k.startsWith('DB_'));
        if (!vars.includes('DB_PORT'))
          return fail(
            { en: `web has ${vars.length ? vars.join(', ') : 'no DB_ variables'}, but no DB_PORT: db exposes no port.`, zh: `web 只有 ${vars.length ? vars.join('、') : '（没有 DB_ 变量）'}，没有 DB_PORT：db 没有暴露端口。` },
            { en: 'Run db with --expose 5432, then web again.', zh: '用 --expose 5432 重新运行 db，然后再运行 web。' },
          );
        const db = container(snap, 'db')!;
        return pass({
          en: `web sees db as DB_PORT=${web.env.DB_PORT} (db is ${addressOn(db) ?? '?'}), and ${vars.length} DB_ variables in all.`,
          zh: `web 通过 DB_PORT=${web.env.DB_PORT} 看到了 db（db 的地址是 ${addressOn(db) ?? '?'}），共有 ${vars.length} 个 DB_ 变量。`,
        });
      },
    },
    {
      id: 'many-links',
      title: { en: 'Several links at once', zh: '同时建立多个链接' },
      points: 10,
      solution: ['docker run -d --name app --link db:database --link ng1 busybox sleep 86400', "docker ps --no-trunc --format '{{.Names}}'"],
      check: ({ snap }) => {
        const running = expectRunning(snap, 'app');
        if (!running.pass) return running;
        const app = container(snap, 'app')!;
        const missing = ['db:database', 'ng1:ng1'].filter((l) => !app.links.includes(l));
        if (missing.length)
          return fail(
            { en: `app has the links ${app.links.join(', ') || '(none)'}; it still needs ${missing.join(' and ')}.`, zh: `app 现有的链接是 ${app.links.join('、') || '（无）'}；还缺 ${missing.join(' 和 ')}。` },
            { en: 'Links are set at creation: docker rm -f app, then docker run -d --name app --link db:database --link ng1 busybox sleep 86400.', zh: '链接只能在创建时设置：先 docker rm -f app，再 docker run -d --name app --link db:database --link ng1 busybox sleep 86400。' },
          );
        const database = hostsEntry(app, 'database');
        return pass({
          en: `app knows db as database (${database?.address ?? '?'} in its /etc/hosts) and ng1 as ng1: docker ps --no-trunc lists db also as app/database.`,
          zh: `app 把 db 叫作 database（它的 /etc/hosts 里是 ${database?.address ?? '?'}），把 ng1 叫作 ng1：docker ps --no-trunc 会把 db 也列为 app/database。`,
        });
      },
    },
  ],
});
