// Lesson 1: docker0, the default bridge (seeds 000, 002, 004).
import { addressOn, bridgePorts, container, expectRunning, link, networksOf, vethPeer } from '../../grader/helpers';
import type { Snapshot } from '../../grader/model';
import { allOf, fail, pass, type Verdict } from '../../grader/verdict';
import { defineLesson } from '../format';

function onDefaultBridge(snap: Snapshot, name: string): Verdict {
  const running = expectRunning(snap, name);
  if (!running.pass) return running;
  const nets = networksOf(container(snap, name)!);
  if (nets.includes('bridge')) return pass({ en: `${name} is on the default bridge.`, zh: `${name} 在默认网桥上。` });
  return fail(
    { en: `${name} runs, but on ${nets.join(', ')}, not on the default bridge.`, zh: `${name} 在运行，但连接的是 ${nets.join('、')}，不是默认网桥。` },
    { en: `Start it without --network: docker rm -f ${name}, then docker run -d --name ${name} nginx.`, zh: `不加 --network 重新启动：docker rm -f ${name}，再 docker run -d --name ${name} nginx。` },
  );
}

export default defineLesson({
  slug: 'docker0',
  minutes: 20,
  title: { en: 'docker0, the default bridge', zh: 'docker0：默认网桥' },
  summary: {
    en: 'Run two containers and follow their veth pairs to the docker0 bridge.',
    zh: '运行两个容器，顺着它们的 veth pair 找到 docker0 网桥。',
  },
  steps: [
    {
      id: 'see-docker0',
      title: { en: "docker0's address", zh: 'docker0 的地址' },
      points: 5,
      solution: ['ip addr show docker0'],
      quiz: {
        answer: ({ snap }) => link(snap.host, 'docker0')?.addresses.find((a) => a.family === 'inet')?.address,
        wrong: '172.17.0.0',
        hint: { en: 'Read the inet line of ip addr show docker0: the address before the /.', zh: '看 ip addr show docker0 输出里 inet 那一行：/ 前面的地址。' },
      },
    },
    {
      id: 'run-two',
      title: { en: 'Two containers on the default bridge', zh: '默认网桥上的两个容器' },
      points: 10,
      solution: ['docker run -d --name ng1 nginx', 'docker run -d --name ng2 nginx'],
      check: ({ snap }) =>
        allOf([onDefaultBridge(snap, 'ng1'), onDefaultBridge(snap, 'ng2')], {
          en: 'ng1 and ng2 run on the default bridge.',
          zh: 'ng1 和 ng2 都运行在默认网桥上。',
        }),
    },
    {
      id: 'find-veth',
      title: { en: "ng1's veth on the host", zh: 'ng1 在主机上的 veth' },
      points: 10,
      solution: ['docker exec ng1 cat /sys/class/net/eth0/iflink', 'ip -o link show master docker0'],
      quiz: {
        answer: ({ snap }) => vethPeer(snap, { container: 'ng1' }, 'eth0')?.link.name,
        wrong: 'eth0',
        hint: {
          en: "docker exec ng1 cat /sys/class/net/eth0/iflink prints the index of eth0's peer; find that index in ip link.",
          zh: 'docker exec ng1 cat /sys/class/net/eth0/iflink 会打印 eth0 对端的索引号；在 ip link 里找这个编号。',
        },
      },
    },
    {
      id: 'reach-from-host',
      title: { en: "ng1's page, from the host", zh: '从主机访问 ng1 的网页' },
      points: 10,
      solution: ["curl -s -o /root/ng1.html http://$(docker inspect -f '{{.NetworkSettings.IPAddress}}' ng1)/"],
      check: async ({ snap, readFile }) => {
        const page = await readFile('/root/ng1.html');
        const address = container(snap, 'ng1') && addressOn(container(snap, 'ng1')!, 'bridge');
        if (page === undefined)
          return fail(
            { en: 'There is no /root/ng1.html yet.', zh: '还没有 /root/ng1.html 这个文件。' },
            { en: `curl -o /root/ng1.html http://${address ?? '<ng1 address>'}/ saves the page.`, zh: `用 curl -o /root/ng1.html http://${address ?? '<ng1 的地址>'}/ 保存网页。` },
          );
        if (!page.includes('Welcome to nginx!'))
          return fail(
            { en: "/root/ng1.html is there, but it is not nginx's welcome page.", zh: '/root/ng1.html 已存在，但内容不是 nginx 的欢迎页。' },
            { en: 'Fetch http://<ng1 address>/ again; docker inspect ng1 shows the address.', zh: '重新获取 http://<ng1 的地址>/；docker inspect ng1 可以查到地址。' },
          );
        return pass({ en: 'You fetched ng1’s welcome page straight from the host, through docker0.', zh: '你从主机经 docker0 直接取到了 ng1 的欢迎页。' });
      },
    },
    {
      id: 'remove',
      title: { en: 'Remove ng2', zh: '删除 ng2' },
      points: 10,
      solution: ['docker rm -f ng2'],
      check: ({ snap }) => {
        if (container(snap, 'ng2'))
          return fail(
            { en: 'ng2 still exists.', zh: 'ng2 还存在。' },
            { en: 'docker rm -f ng2 stops and removes it.', zh: 'docker rm -f ng2 会停止并删除它。' },
          );
        const ports = bridgePorts(snap.host, 'docker0');
        const ng1Side = vethPeer(snap, { container: 'ng1' }, 'eth0')?.link.name;
        const others = ports.filter((p) => p !== ng1Side);
        if (others.length)
          return fail(
            { en: `docker0 still has a port that is not ng1's: ${others.join(', ')}.`, zh: `docker0 上还有不属于 ng1 的端口：${others.join('、')}。` },
            { en: 'Which container owns it? docker ps -a shows what is left.', zh: '它属于哪个容器？docker ps -a 可以看到剩下的容器。' },
          );
        return pass({ en: "ng2 is gone, and its veth pair went with it: only ng1's port is left on docker0.", zh: 'ng2 已删除，它的 veth pair 也随之消失：docker0 上只剩 ng1 的端口。' });
      },
    },
  ],
});
