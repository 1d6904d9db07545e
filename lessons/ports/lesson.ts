// Lesson 8: publishing ports (seeds 002, 003).
import { container, expectRunning, natRules, publishedPort } from '../../grader/vocabulary';
import type { PortBinding } from '../../grader/model';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'ports',
  minutes: 20,
  buildsOn: ['docker0'],
  title: { en: 'Publishing ports', zh: '端口映射' },
  summary: { en: '-p and -P, and the NAT rules behind them.', zh: '-p 与 -P，以及背后的 NAT 规则。' },
  steps: [
    {
      id: 'publish',
      title: { en: 'Port 5050 to 80', zh: '5050 映射到 80' },
      points: 10,
      solution: ['docker run -d --name web -p 5050:80 nginx', 'curl -s http://localhost:5050/ | head -n 4'],
      check: async ({ snap, probe }) => {
        const running = expectRunning(snap, 'web');
        if (!running.pass) return running;
        if (publishedPort(container(snap, 'web')!, 80)?.hostPort !== 5050)
          return fail({ en: "web does not publish its port 80 on the host's 5050.", zh: 'web 没有把容器的 80 端口映射到主机的 5050。' }, { en: 'Ports are set at start: docker rm -f web, then docker run -d --name web -p 5050:80 nginx.', zh: '端口只能在启动时设置：先 docker rm -f web，再 docker run -d --name web -p 5050:80 nginx。' });
        const page = await probe.http({ host: true }, 'http://127.0.0.1:5050/');
        if (!page.ok) return fail({ en: 'Port 5050 is published, but http://localhost:5050/ does not answer.', zh: '5050 已映射，但 http://localhost:5050/ 没有响应。' });
        return pass({ en: 'The host answers on 5050 with web\'s nginx.', zh: '主机的 5050 端口返回了 web 的 nginx 页面。' });
      },
    },
    {
      id: 'publish-all',
      title: { en: '-P picks the ports', zh: '-P 自动选端口' },
      points: 10,
      solution: ['docker run -d --name web2 -P nginx', 'docker port web2'],
      quiz: {
        answer: ({ snap }) => {
          const web2 = container(snap, 'web2');
          const port = web2 && publishedPort(web2, 80);
          return port ? String(port.hostPort) : undefined;
        },
        wrong: '80',
        hint: { en: 'docker port web2 shows it: 80/tcp -> 0.0.0.0:<host port>.', zh: 'docker port web2 会显示：80/tcp -> 0.0.0.0:<主机端口>。' },
      },
    },
    {
      id: 'bind-ip',
      title: { en: 'Only on 127.0.0.1', zh: '只绑定 127.0.0.1' },
      points: 10,
      solution: ['docker run -d --name web3 -p 127.0.0.1:8080:80 nginx'],
      check: ({ snap }) => {
        const found = snap.containers.find((c) => c.running && c.ports.some((p) => p.hostIp === '127.0.0.1' && p.hostPort === 8080 && p.containerPort === 80 && p.protocol === 'tcp'));
        if (!found)
          return fail({ en: 'No container publishes 80 on 127.0.0.1:8080.', zh: '没有容器把 80 端口发布到 127.0.0.1:8080。' }, { en: 'docker run -d --name web3 -p 127.0.0.1:8080:80 nginx', zh: 'docker run -d --name web3 -p 127.0.0.1:8080:80 nginx' });
        return pass({ en: `${found.name} listens on 127.0.0.1:8080 only: other machines cannot reach it.`, zh: `${found.name} 只在 127.0.0.1:8080 上监听：别的机器访问不到。` });
      },
    },
    {
      id: 'several-ports',
      title: { en: 'Several ports at once', zh: '同时发布多个端口' },
      points: 10,
      solution: ['docker run -d --name web4 -p 6060:80 -p 127.0.0.1::80 nginx', 'docker port web4 80'],
      quiz: {
        answer: ({ snap }) => {
          const web4 = container(snap, 'web4');
          const everyone = web4?.ports.some((p) => p.containerPort === 80 && p.protocol === 'tcp' && p.hostPort === 6060 && p.hostIp === '0.0.0.0');
          const local = web4?.ports.find((p) => p.containerPort === 80 && p.protocol === 'tcp' && p.hostIp === '127.0.0.1');
          return everyone && local ? String(local.hostPort) : undefined;
        },
        wrong: '6060',
        hint: { en: 'Start web4 with both -p 6060:80 and -p 127.0.0.1::80; docker port web4 80 prints the port after 127.0.0.1:.', zh: '用 -p 6060:80 和 -p 127.0.0.1::80 两个参数启动 web4；docker port web4 80 会在 127.0.0.1: 后面打印端口。' },
      },
    },
    {
      id: 'udp',
      title: { en: 'A UDP port', zh: 'UDP 端口' },
      points: 10,
      solution: ['docker run -d --name dns1 -p 5353:53/udp busybox sleep 86400'],
      check: ({ snap }) => {
        const asked = (p: PortBinding) => p.protocol === 'udp' && p.containerPort === 53 && p.hostPort === 5353;
        const found = snap.containers.find((c) => c.running && c.ports.some(asked));
        if (!found) {
          const other = snap.containers.flatMap((c) => (c.running ? c.ports.filter((p) => p.protocol === 'udp').map((p) => `${c.name} ${p.hostPort}->${p.containerPort}/udp`) : []));
          return fail(
            { en: `No container publishes 53/udp on the host's 5353${other.length ? ` (there is ${other.join(', ')})` : ''}.`, zh: `没有容器把 53/udp 发布到宿主机的 5353${other.length ? `（现有的是 ${other.join('、')}）` : ''}。` },
            { en: 'docker run -d --name dns1 -p 5353:53/udp busybox sleep 86400: /udp after the container port.', zh: 'docker run -d --name dns1 -p 5353:53/udp busybox sleep 86400：/udp 写在容器端口后面。' },
          );
        }
        return pass({ en: `${found.name} publishes 53/udp on the host's 5353.`, zh: `${found.name} 把 53/udp 发布到了宿主机的 5353。` });
      },
    },
    {
      id: 'nat',
      title: { en: 'The DNAT rule', zh: 'DNAT 规则' },
      points: 15,
      solution: ['iptables-save -t nat | grep DNAT'],
      quiz: {
        answer: ({ snap }) => natRules(snap, { target: 'DNAT', dport: 5050 })[0]?.chain,
        wrong: 'PREROUTING',
        hint: { en: 'iptables-save -t nat | grep 5050: the word after -A is the chain.', zh: 'iptables-save -t nat | grep 5050：-A 后面的词就是链名。' },
      },
    },
  ],
});
