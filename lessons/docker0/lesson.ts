// Lesson 1: docker0, the default bridge (seeds 000, 002, 004).
import { addressOn, bridgePorts, container, expectRunning, link, networksOf, vethPeer } from '../../grader/vocabulary';
import type { Snapshot } from '../../grader/model';
import { allOf, fail, pass, type Verdict } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

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
      solution: ["curl -s http://$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ng1)/ | head -n 5"],
      check: async ({ snap, logs }) => {
        const running = expectRunning(snap, 'ng1');
        if (!running.pass) return running;
        const address = addressOn(container(snap, 'ng1')!, 'bridge') ?? '<ng1 address>';
        const host = link(snap.host, 'docker0')?.addresses.find((a) => a.family === 'inet')?.address ?? '172.17.0.1';
        // Only a request that crossed docker0 is logged with the host's address on it as its client.
        const fetched = (await logs('ng1'))?.split('\n').some((line) => line.startsWith(`${host} `) && /"GET [^"]*" 200 /.test(line));
        if (!fetched)
          return fail(
            { en: `ng1's access log (docker logs ng1) shows no page fetched from the host, whose address on docker0 is ${host}.`, zh: `ng1 的访问日志（docker logs ng1）里还没有来自主机的请求；主机在 docker0 上的地址是 ${host}。` },
            { en: `From the host's shell: curl http://${address}/`, zh: `在主机的 shell 里执行：curl http://${address}/` },
          );
        return pass({ en: `ng1 served its page to ${host}, the host's address on docker0: docker logs ng1 shows the request.`, zh: `ng1 把网页发给了 ${host}，也就是主机在 docker0 上的地址：docker logs ng1 里能看到这次请求。` });
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
        if (!snap.removedContainers.some((c) => c.name === 'ng2'))
          return fail(
            { en: 'There is no ng2, but there never was one to remove: start it first (step 2).', zh: '没有 ng2，可它根本没有启动过：请先完成第 2 步启动它。' },
            { en: 'docker run -d --name ng2 nginx, then docker rm -f ng2.', zh: '先 docker run -d --name ng2 nginx，再 docker rm -f ng2。' },
          );
        const running = expectRunning(snap, 'ng1');
        if (!running.pass)
          return fail(
            { en: 'ng2 is gone, and ng1 with it: keep ng1 running, to see that only its port is left on docker0.', zh: 'ng2 删除了，ng1 却也没了：让 ng1 保持运行，才能看到 docker0 上只剩它的端口。' },
            { en: 'docker run -d --name ng1 nginx (docker rm -f ng1 first if it is stopped).', zh: 'docker run -d --name ng1 nginx（若它已停止，先 docker rm -f ng1）。' },
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
