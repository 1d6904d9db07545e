// Lesson 7: network modes: bridge, host, none, container (seeds 002, 004).
import { container, expectRunning } from '../../grader/vocabulary';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'modes',
  minutes: 15,
  buildsOn: ['docker0', 'manual-net'],
  title: { en: 'Network modes: bridge, host, none, container', zh: '网络模式：bridge、host、none、container' },
  summary: { en: 'Four ways a container can see the network.', zh: '容器看到网络的四种方式。' },
  setup: ['docker run -d --name ng1 nginx'],
  steps: [
    {
      id: 'host',
      title: { en: 'Host mode', zh: 'host 模式' },
      points: 10,
      solution: ['docker run -d --name h1 --network host busybox sleep 86400'],
      check: ({ snap }) => {
        const running = expectRunning(snap, 'h1');
        if (!running.pass) return running;
        const h1 = container(snap, 'h1')!;
        if (h1.networkMode !== 'host' || h1.netns?.inode !== snap.host.inode)
          return fail({ en: `h1 runs in ${h1.networkMode} mode, not in the host's namespace.`, zh: `h1 运行在 ${h1.networkMode} 模式下，没有使用主机的网络命名空间。` }, { en: 'docker rm -f h1, then docker run -d --name h1 --network host busybox sleep 86400', zh: '先 docker rm -f h1，再 docker run -d --name h1 --network host busybox sleep 86400' });
        return pass({ en: "h1 shares the host's network namespace: docker exec h1 ip addr shows docker0 and eth0 of the host.", zh: 'h1 与主机共用网络命名空间：docker exec h1 ip addr 能看到主机的 docker0 和 eth0。' });
      },
    },
    {
      id: 'none',
      title: { en: 'None', zh: 'none 模式' },
      points: 10,
      solution: ['docker run -d --name n1 --network none busybox sleep 86400'],
      check: ({ snap }) => {
        const running = expectRunning(snap, 'n1');
        if (!running.pass) return running;
        const n1 = container(snap, 'n1')!;
        // Some kernels put tunnel devices (tunl0, sit0, gre0) in every namespace: only a veth or an
        // Ethernet-like device (one with a MAC address) would be a way out.
        const ways = (n1.netns?.links ?? []).filter((l) => l.name !== 'lo' && (l.kind === 'veth' || /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(l.mac ?? '')));
        if (n1.networkMode !== 'none' || ways.length)
          return fail(
            { en: `n1 runs in ${n1.networkMode} mode${ways.length ? `, with ${ways.map((l) => l.name).join(', ')}` : ''}: with --network none it would have no interface but lo.`, zh: `n1 运行在 ${n1.networkMode} 模式下${ways.length ? `，有 ${ways.map((l) => l.name).join('、')}` : ''}：用 --network none 时除了 lo 不应该有别的网卡。` },
            { en: 'docker rm -f n1, then run it again with --network none.', zh: '先 docker rm -f n1，再用 --network none 重新运行。' },
          );
        return pass({ en: 'n1 has only lo: no way in or out.', zh: 'n1 只有 lo：既出不去也进不来。' });
      },
    },
    {
      id: 'container',
      title: { en: "Another container's namespace", zh: '共用另一个容器的命名空间' },
      points: 15,
      solution: ['docker run -d --name s1 --network container:ng1 busybox sleep 86400', 'docker exec s1 wget -qO- http://localhost/ | head -n 4'],
      check: async ({ snap, probe }) => {
        const running = expectRunning(snap, 's1');
        if (!running.pass) return running;
        const s1 = container(snap, 's1')!;
        const ng1 = container(snap, 'ng1');
        if (!ng1 || s1.networkMode !== `container:${ng1.id}`)
          return fail({ en: `s1 runs in ${s1.networkMode} mode, not in ng1's namespace.`, zh: `s1 运行在 ${s1.networkMode} 模式下，没有共用 ng1 的命名空间。` }, { en: 'docker rm -f s1, then docker run -d --name s1 --network container:ng1 busybox sleep 86400', zh: '先 docker rm -f s1，再 docker run -d --name s1 --network container:ng1 busybox sleep 86400' });
        const page = await probe.http({ container: 's1' }, 'http://localhost/');
        if (!page.ok || !page.body.includes('Welcome to nginx!'))
          return fail({ en: "From s1, http://localhost/ does not answer with nginx's page.", zh: '在 s1 里访问 http://localhost/ 没有得到 nginx 的页面。' }, { en: 'Is ng1 running? docker ps shows it.', zh: 'ng1 在运行吗？用 docker ps 看看。' });
        return pass({ en: "s1 fetched http://localhost/ and got ng1's nginx: one namespace, two containers.", zh: 's1 访问 http://localhost/ 得到了 ng1 的 nginx：两个容器，一个命名空间。' });
      },
    },
  ],
});
