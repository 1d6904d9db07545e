// Lesson 9: DNS and service discovery (seed 002).
import { addressOn, container } from '../../grader/vocabulary';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'dns',
  minutes: 15,
  buildsOn: ['user-networks'],
  title: { en: 'DNS and service discovery', zh: 'DNS 与服务发现' },
  summary: { en: "Docker's embedded DNS, aliases and resolver flags.", zh: 'Docker 内置 DNS、网络别名和解析参数。' },
  setup: ['docker network create app-net', 'docker run -d --name app1 --network app-net busybox sleep 86400'],
  steps: [
    {
      id: 'resolver',
      title: { en: 'The resolver', zh: '解析器' },
      points: 10,
      solution: ['docker exec app1 cat /etc/resolv.conf'],
      quiz: {
        answer: ({ snap }) => /^nameserver\s+(\S+)/m.exec(container(snap, 'app1')?.resolvConf ?? '')?.[1],
        wrong: '8.8.8.8',
        hint: { en: 'docker exec app1 cat /etc/resolv.conf: the nameserver line.', zh: 'docker exec app1 cat /etc/resolv.conf：看 nameserver 那一行。' },
      },
    },
    {
      id: 'alias',
      title: { en: 'One name, two containers', zh: '一个名字，两个容器' },
      points: 15,
      solution: [
        'docker run -d --name search1 --network app-net --network-alias search busybox sleep 86400',
        'docker run -d --name search2 --network app-net --network-alias search busybox sleep 86400',
        'docker exec app1 nslookup search',
      ],
      check: async ({ snap, probe }) => {
        const holders = snap.containers.filter((c) => c.running && c.networks.some((n) => n.network === 'app-net' && n.aliases.includes('search')));
        if (holders.length < 2)
          return fail(
            { en: `${holders.length} container(s) on app-net have the alias search; two are needed.`, zh: `app-net 上有 ${holders.length} 个容器带有别名 search；需要两个。` },
            { en: 'docker run -d --name search1 --network app-net --network-alias search busybox sleep 86400, and again as search2.', zh: 'docker run -d --name search1 --network app-net --network-alias search busybox sleep 86400，再以 search2 运行一次。' },
          );
        const lookup = await probe.dns({ container: 'app1' }, 'search');
        const expected = holders.map((c) => addressOn(c, 'app-net')!).sort();
        if (lookup.addresses.sort().join() !== expected.join())
          return fail({ en: `A lookup of search from app1 returns ${lookup.addresses.join(', ') || 'nothing'}, not ${expected.join(', ')}.`, zh: `在 app1 里查询 search 得到 ${lookup.addresses.join('、') || '（无结果）'}，而不是 ${expected.join('、')}。` });
        return pass({ en: `search resolves to ${expected.join(' and ')}: Docker's DNS answers with every container holding the alias.`, zh: `search 解析到 ${expected.join(' 和 ')}：Docker 的 DNS 会返回所有带这个别名的容器。` });
      },
    },
    {
      id: 'dns-flags',
      title: { en: '--dns and --dns-search', zh: '--dns 与 --dns-search' },
      points: 10,
      solution: ['docker run -d --name c1 --dns 198.51.100.53 --dns-search example.com busybox sleep 86400', 'docker exec c1 cat /etc/resolv.conf'],
      check: ({ snap }) => {
        const c = snap.containers.find((x) => x.running && x.dns.servers.length > 0 && x.dns.search.length > 0);
        if (!c)
          return fail({ en: 'No running container was started with both --dns and --dns-search.', zh: '没有同时用 --dns 和 --dns-search 启动的运行中容器。' }, { en: 'docker run -d --name c1 --dns 198.51.100.53 --dns-search example.com busybox sleep 86400', zh: 'docker run -d --name c1 --dns 198.51.100.53 --dns-search example.com busybox sleep 86400' });
        const resolv = c.resolvConf ?? '';
        const onDefault = c.networks.some((n) => n.network === 'bridge');
        const showsSearch = c.dns.search.every((d) => new RegExp(`^search .*\\b${d.replace(/\./g, '\\.')}\\b`, 'm').test(resolv));
        const showsServer = !onDefault || c.dns.servers.every((s) => resolv.includes(`nameserver ${s}`));
        if (!showsSearch || !showsServer)
          return fail(
            { en: `${c.name} was started with --dns and --dns-search, but its /etc/resolv.conf does not show them: ${resolv.trim().split('\n').join(' | ') || '(empty)'}.`, zh: `${c.name} 启动时带了 --dns 和 --dns-search，但它的 /etc/resolv.conf 里看不到：${resolv.trim().split('\n').join(' | ') || '（空）'}。` },
            { en: 'Start it on the default bridge (no --network), where Docker writes both into the file: docker rm -f c1, then run it again.', zh: '在默认网桥上启动它（不加 --network），Docker 会把两项都写进这个文件：先 docker rm -f c1，再重新运行。' },
          );
        return pass({ en: `${c.name}'s resolv.conf shows them: ${resolv.trim().split('\n').join(' | ')}.`, zh: `${c.name} 的 resolv.conf 里能看到：${resolv.trim().split('\n').join(' | ')}。` });
      },
    },
  ],
});
