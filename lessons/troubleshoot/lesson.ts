// Lesson 10: troubleshooting. The setup breaks the sandbox the way real hosts break (forwarding off, a FORWARD
// DROP rule, a container on the wrong network, a port already taken, names on the default bridge); each step
// names a symptom, and is graded by whether the symptom is gone (probes), never by the commands typed.
import { container, expectRunning, networksOf } from '../../grader/vocabulary';
import type { Snapshot } from '../../grader/model';
import type { Prober } from '../../grader/probes';
import { fail, pass, type Verdict } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

const UPSTREAM = '10.99.0.2';

/** The container still runs on the network the setup gave it (moving it elsewhere is not a fix). */
function onNetwork(snap: Snapshot, name: string, networkName: string): Verdict {
  const running = expectRunning(snap, name);
  if (!running.pass) return running;
  if (networksOf(container(snap, name)!).includes(networkName)) return pass({ en: '', zh: '' });
  return fail(
    { en: `${name} is no longer on ${networkName}: the fix must work for ${name} where it is.`, zh: `${name} 已经不在 ${networkName} 上了：要在它原来的网络上把问题修好。` },
    { en: `docker network connect ${networkName} ${name} puts it back.`, zh: `用 docker network connect ${networkName} ${name} 把它接回去。` },
  );
}

/** The upstream server is still the setup's namespace (an address of the host's own would fake the answer). */
function upstreamIntact(snap: Snapshot): Verdict {
  const owners = snap.host.links.filter((l) => l.addresses.some((a) => a.address === UPSTREAM));
  if (!owners.length) return pass({ en: '', zh: '' });
  return fail(
    { en: `The host itself has ${UPSTREAM} (on ${owners.map((l) => l.name).join(', ')}): that answers for the upstream server.`, zh: `主机自己占用了 ${UPSTREAM}（在 ${owners.map((l) => l.name).join('、')} 上）：这样是主机在冒充上游服务器应答。` },
    { en: `Remove it: ip addr del ${UPSTREAM}/… dev ${owners[0]!.name}.`, zh: `删掉它：ip addr del ${UPSTREAM}/… dev ${owners[0]!.name}。` },
  );
}

/** Looks the name up from the container, as its programs would, and fetches a page there or pings it. */
async function reachesByName(probe: Prober, from: string, name: string, http: boolean): Promise<{ ok: boolean; why: string }> {
  const found = await probe.resolve({ container: from }, name);
  const address = found.addresses[0];
  if (!address) return { ok: false, why: `${from} cannot resolve the name ${name}` };
  const ok = http ? (await probe.http({ container: from }, `http://${address}/`)).ok : (await probe.ping({ container: from }, address)).ok;
  return { ok, why: ok ? '' : `${from} resolves ${name} to ${address}, but gets no answer from it` };
}

export default defineLesson({
  slug: 'troubleshoot',
  minutes: 30,
  buildsOn: ['user-networks', 'ports', 'veth-netns'],
  title: { en: 'Troubleshooting: five broken things', zh: '排障：五处故障' },
  summary: {
    en: 'A sandbox broken the way real hosts break: find each cause with ip, iptables, tcpdump and docker inspect.',
    zh: '一台像真实主机那样出了故障的沙箱：用 ip、iptables、tcpdump 和 docker inspect 找出每个原因。',
  },
  setup: [
    // The upstream server: a namespace of the sandbox behind a veth, outside Docker.
    `ip netns add upstream
ip link add up0 type veth peer name up1
ip link set up1 netns upstream
ip addr add 10.99.0.1/24 dev up0
ip link set up0 up
ip netns exec upstream ip addr add ${UPSTREAM}/24 dev up1
ip netns exec upstream ip link set up1 up
ip netns exec upstream ip link set lo up
ip netns exec upstream ip route add default via 10.99.0.1`,
    'docker network create --subnet 172.25.0.0/16 app-net && docker network create data-net',
    'docker run -d --name web --network app-net nginx && docker run -d --name db --network data-net nginx',
    'docker run -d --name old-web -p 8080:80 nginx',
    'docker run -d --name cache busybox sleep 86400 && docker run -d --name worker busybox sleep 86400',
    // The faults, last: a rule someone added, and forwarding turned off after Docker turned it on.
    `iptables -I FORWARD -s 172.25.0.0/16 -d 10.99.0.0/24 -j DROP`,
    'sysctl -qw net.ipv4.ip_forward=0',
  ],
  steps: [
    {
      id: 'worker-upstream',
      title: { en: 'worker cannot reach the upstream server', zh: 'worker 访问不到上游服务器' },
      points: 15,
      solution: ['sysctl -w net.ipv4.ip_forward=1'],
      check: async ({ snap, probe }) => {
        for (const guard of [onNetwork(snap, 'worker', 'bridge'), upstreamIntact(snap)]) if (!guard.pass) return guard;
        if (!(await probe.ping({ container: 'worker' }, UPSTREAM)).ok)
          return fail(
            { en: `worker still gets no answer from the upstream server ${UPSTREAM}.`, zh: `worker 仍然收不到上游服务器 ${UPSTREAM} 的回应。` },
            {
              en: 'Follow one ping: tcpdump -ni docker0 icmp shows it leave worker; tcpdump -ni up0 icmp shows whether the host ever sends it on. A packet that enters by one interface and leaves by another is routed: is this host allowed to route?',
              zh: '跟踪一个 ping：tcpdump -ni docker0 icmp 能看到它离开 worker；tcpdump -ni up0 icmp 能看到主机有没有把它转发出去。从一个接口进来、从另一个接口出去的包需要路由：这台主机允许路由吗？',
            },
          );
        return pass({ en: `worker reaches ${UPSTREAM}: the host forwards packets between its interfaces again.`, zh: `worker 连通了 ${UPSTREAM}：主机又开始在接口之间转发数据包了。` });
      },
    },
    {
      id: 'web-upstream',
      title: { en: 'web cannot reach the upstream server either', zh: 'web 也访问不到上游服务器' },
      points: 15,
      solution: ['iptables -D FORWARD -s 172.25.0.0/16 -d 10.99.0.0/24 -j DROP'],
      check: async ({ snap, probe }) => {
        for (const guard of [onNetwork(snap, 'web', 'app-net'), upstreamIntact(snap)]) if (!guard.pass) return guard;
        if (!(await probe.ping({ container: 'web' }, UPSTREAM)).ok)
          return fail(
            { en: `web, on app-net, still gets no answer from ${UPSTREAM}.`, zh: `app-net 上的 web 仍然收不到 ${UPSTREAM} 的回应。` },
            {
              en: "Once worker gets through, compare: what treats app-net's packets differently? iptables -nvL FORWARD --line-numbers, read while web pings, shows which rule's counter grows.",
              zh: '等 worker 能通了，再比较一下：是什么让 app-net 的包受到了不同的对待？在 web ping 的同时查看 iptables -nvL FORWARD --line-numbers，看哪条规则的计数在增长。',
            },
          );
        return pass({ en: `web reaches ${UPSTREAM}: the rule that dropped app-net's traffic is gone.`, zh: `web 连通了 ${UPSTREAM}：丢弃 app-net 流量的那条规则已经删除。` });
      },
    },
    {
      id: 'web-db',
      title: { en: 'web cannot reach db', zh: 'web 访问不到 db' },
      points: 15,
      solution: ['docker network connect app-net db'],
      check: async ({ snap, probe }) => {
        for (const name of ['web', 'db']) {
          const running = expectRunning(snap, name);
          if (!running.pass) return running;
        }
        const reach = await reachesByName(probe, 'web', 'db', true);
        if (!reach.ok)
          return fail(
            { en: `http://db/ from web fails: ${reach.why}.`, zh: `在 web 里访问 http://db/ 失败：${reach.why}。` },
            {
              en: "docker inspect -f '{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}' web db: names resolve only between containers that share a user-defined network.",
              zh: "docker inspect -f '{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}' web db：只有同在一个自定义网络上的容器之间才能解析名字。",
            },
          );
        return pass({ en: 'web fetches http://db/: the two share a network now.', zh: 'web 能访问 http://db/ 了：它们现在共享同一个网络。' });
      },
    },
    {
      id: 'shop-port',
      title: { en: 'shop will not start: port is already allocated', zh: 'shop 启动失败：端口已被占用' },
      points: 15,
      solution: ['docker rm -f old-web', 'docker run -d --name shop -p 8080:80 nginx'],
      check: async ({ snap, probe }) => {
        const shop = container(snap, 'shop');
        if (!shop?.running)
          return fail(
            { en: shop ? `shop exists but is ${shop.state}: it could not take its port.` : 'There is no container shop yet: start it as the team does, docker run -d --name shop -p 8080:80 nginx.', zh: shop ? `shop 已存在，但状态是 ${shop.state}：它没能拿到端口。` : '还没有 shop 容器：照团队的做法启动它，docker run -d --name shop -p 8080:80 nginx。' },
            { en: 'Who has the host port 8080? docker ps (the PORTS column) and ss -ltnp tell. Free it, then docker start shop.', zh: '是谁占着主机的 8080 端口？docker ps（PORTS 列）和 ss -ltnp 会告诉你。把它腾出来，再 docker start shop。' },
          );
        if (!shop.ports.some((p) => p.hostPort === 8080 && p.containerPort === 80 && p.protocol === 'tcp'))
          return fail(
            { en: "shop runs, but not on the host's port 8080: the team's links point there.", zh: 'shop 在运行，但没有发布在主机的 8080 端口上：团队的链接都指向那里。' },
            { en: 'Free 8080 for shop; move the old container to another port if it is still needed.', zh: '把 8080 让给 shop；旧容器如果还需要，就换一个端口。' },
          );
        if (!(await probe.http({ host: true }, 'http://127.0.0.1:8080/')).ok)
          return fail({ en: 'shop has port 8080, but http://127.0.0.1:8080/ does not answer.', zh: 'shop 占着 8080，但 http://127.0.0.1:8080/ 没有响应。' });
        return pass({ en: 'shop answers on the host’s port 8080.', zh: 'shop 在主机的 8080 端口上正常响应。' });
      },
    },
    {
      id: 'worker-cache',
      title: { en: 'worker cannot find cache by name', zh: 'worker 按名字找不到 cache' },
      points: 15,
      solution: ['docker network create tools', 'docker network connect tools cache', 'docker network connect tools worker'],
      check: async ({ snap, probe }) => {
        for (const name of ['worker', 'cache']) {
          const running = expectRunning(snap, name);
          if (!running.pass) return running;
        }
        const reach = await reachesByName(probe, 'worker', 'cache', false);
        if (!reach.ok)
          return fail(
            { en: `ping cache from worker fails: ${reach.why}.`, zh: `在 worker 里 ping cache 失败：${reach.why}。` },
            {
              en: "Both are on the default bridge: docker exec worker cat /etc/resolv.conf, then compare with a container of app-net. Where does Docker's DNS answer?",
              zh: '它们都在默认网桥上：看看 docker exec worker cat /etc/resolv.conf，再和 app-net 上的容器比较。Docker 的 DNS 在哪里才会应答？',
            },
          );
        return pass({ en: 'worker finds cache by name and reaches it.', zh: 'worker 能按名字找到 cache 并连通它了。' });
      },
    },
  ],
});
