// Lesson 12: networks across hosts — a swarm, an overlay network and its VXLAN, a service on two nodes,
// macvlan (seeds 002 "multi-host overlay networks" and "macvlan", 003 "Multi-Host Networking", 004).
import { addressOn, container, network, networksOf } from '../../grader/vocabulary';
import type { Snapshot } from '../../grader/model';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

/** A node's own address on the underlay (its eth0's). */
const eth0Address = (snap: Snapshot) => snap.host.links.find((l) => l.name === 'eth0')?.addresses.find((a) => a.family === 'inet')?.address;

/** The service's tasks that run, by the node they run on. */
const runningTasks = (snap: Snapshot, service: string) =>
  snap.swarm.services.find((s) => s.name === service)?.tasks.filter((t) => t.state === 'running' && t.desiredState === 'running') ?? [];

/** The macvlan network a node has on eth0, if any. */
const macvlanOnEth0 = (snap: Snapshot) => snap.networks.find((n) => n.driver === 'macvlan' && n.options.parent === 'eth0');

export default defineLesson({
  slug: 'multi-host',
  minutes: 40,
  buildsOn: ['user-networks', 'connect'],
  nodes: ['node1', 'node2'],
  title: { en: 'Networks across hosts: overlay and macvlan', zh: '跨主机网络：overlay 与 macvlan' },
  summary: {
    en: 'Two hosts, one swarm: an overlay network over VXLAN, a service on both nodes, and macvlan on the hosts’ own network.',
    zh: '两台主机组成一个 swarm：基于 VXLAN 的 overlay 网络、跨两个节点的服务，以及直接接在主机网络上的 macvlan。',
  },
  steps: [
    {
      id: 'swarm-init',
      title: { en: 'node1 starts a swarm', zh: 'node1 创建 swarm' },
      points: 10,
      solution: [{ node: 'node1', run: 'docker swarm init --advertise-addr 172.16.0.11' }],
      check: ({ snaps }) => {
        const node1 = snaps.node1!;
        const own = eth0Address(node1);
        if (node1.swarm.state !== 'active')
          return fail({ en: 'node1 is not in a swarm yet.', zh: 'node1 还不在任何 swarm 中。' }, { en: 'On node1: docker swarm init --advertise-addr 172.16.0.11', zh: '在 node1 上：docker swarm init --advertise-addr 172.16.0.11' });
        if (!node1.swarm.manager) return fail({ en: 'node1 is in a swarm, but not as a manager.', zh: 'node1 在 swarm 中，但不是管理节点。' }, { en: 'docker swarm leave --force, then docker swarm init on node1.', zh: '先 docker swarm leave --force，再在 node1 上 docker swarm init。' });
        if (node1.swarm.nodeAddr !== own)
          return fail(
            { en: `node1 advertises ${node1.swarm.nodeAddr ?? 'no address'}, not its eth0 address ${own}: node2 could not reach it there.`, zh: `node1 对外宣告的地址是 ${node1.swarm.nodeAddr ?? '（无）'}，不是它 eth0 的地址 ${own}：node2 无法从那里连到它。` },
            { en: `docker swarm leave --force, then docker swarm init --advertise-addr ${own}`, zh: `先 docker swarm leave --force，再 docker swarm init --advertise-addr ${own}` },
          );
        return pass({ en: `node1 manages a swarm and advertises ${own}: the others will join it there, on port 2377.`, zh: `node1 管理着一个 swarm，对外宣告 ${own}：其他节点将通过它的 2377 端口加入。` });
      },
    },
    {
      id: 'swarm-join',
      title: { en: 'node2 joins as a worker', zh: 'node2 作为工作节点加入' },
      points: 10,
      solution: [
        { node: 'node1', run: 'docker swarm join-token -q worker', capture: 'TOKEN' },
        { node: 'node2', run: 'docker swarm join --token "$TOKEN" 172.16.0.11:2377' },
      ],
      check: ({ snaps }) => {
        const [node1, node2] = [snaps.node1!, snaps.node2!];
        if (node2.swarm.state !== 'active')
          return fail({ en: 'node2 is not in a swarm yet.', zh: 'node2 还不在任何 swarm 中。' }, { en: 'On node1, docker swarm join-token worker prints the command; run it on node2.', zh: '在 node1 上运行 docker swarm join-token worker，它会打印加入命令；把它拿到 node2 上运行。' });
        const seen = node1.swarm.nodes.find((n) => n.id === node2.swarm.nodeId);
        if (!seen) return fail({ en: "node2 is in a swarm, but not node1's.", zh: 'node2 加入的不是 node1 的那个 swarm。' }, { en: 'On node2: docker swarm leave --force, then join with node1’s token.', zh: '在 node2 上先 docker swarm leave --force，再用 node1 给出的令牌加入。' });
        if (seen.state !== 'ready') return fail({ en: `node1 sees node2 as ${seen.state}, not ready.`, zh: `node1 看到 node2 的状态是 ${seen.state}，还不是 ready。` });
        return pass({ en: `docker node ls on node1 lists both: node1 (manager) and node2 (${seen.role}).`, zh: `node1 上的 docker node ls 列出了两个节点：node1（管理节点）和 node2（${seen.role === 'worker' ? '工作节点' : seen.role}）。` });
      },
    },
    {
      id: 'overlay',
      title: { en: 'An attachable overlay network', zh: '一个可连接的 overlay 网络' },
      points: 10,
      solution: [{ node: 'node1', run: 'docker network create -d overlay --attachable ovnet' }],
      check: ({ snaps }) => {
        const net = network(snaps.node1!, 'ovnet');
        if (!net) return fail({ en: 'There is no network named ovnet on node1.', zh: 'node1 上没有名为 ovnet 的网络。' }, { en: 'On node1: docker network create -d overlay --attachable ovnet', zh: '在 node1 上：docker network create -d overlay --attachable ovnet' });
        if (net.driver !== 'overlay') return fail({ en: `ovnet uses the ${net.driver} driver, not overlay.`, zh: `ovnet 用的是 ${net.driver} 驱动，不是 overlay。` });
        if (!net.attachable)
          return fail(
            { en: 'ovnet is not attachable: only swarm services may join it, not a container started with docker run.', zh: 'ovnet 不是可连接的（attachable）：只有 swarm 服务能加入它，docker run 启动的容器不行。' },
            { en: 'docker network rm ovnet, then create it again with --attachable.', zh: '先 docker network rm ovnet，再加上 --attachable 重新创建。' },
          );
        return pass({ en: `ovnet spans the swarm (scope ${net.scope}) on ${net.subnets.join(', ')}, with VXLAN id ${net.vnis.join(', ')}.`, zh: `ovnet 覆盖整个 swarm（作用域 ${net.scope}），子网 ${net.subnets.join('、')}，VXLAN 编号 ${net.vnis.join('、')}。` });
      },
    },
    {
      id: 'across',
      title: { en: 'c2 on node2 reaches c1 on node1 by name', zh: 'node2 上的 c2 按名字访问 node1 上的 c1' },
      points: 15,
      solution: [
        { node: 'node1', run: 'docker run -d --name c1 --network ovnet busybox sleep 1d' },
        { node: 'node2', run: 'docker run -d --name c2 --network ovnet busybox sleep 1d' },
      ],
      check: async ({ snaps, probe }) => {
        const c1 = container(snaps.node1!, 'c1');
        const c2 = container(snaps.node2!, 'c2');
        for (const [c, name, node] of [[c1, 'c1', 'node1'], [c2, 'c2', 'node2']] as const) {
          if (!c?.running) return fail({ en: `There is no running container ${name} on ${node}.`, zh: `${node} 上没有正在运行的容器 ${name}。` }, { en: `On ${node}: docker run -d --name ${name} --network ovnet busybox sleep 1d`, zh: `在 ${node} 上：docker run -d --name ${name} --network ovnet busybox sleep 1d` });
          if (!networksOf(c).includes('ovnet')) return fail({ en: `${name} is not on ovnet.`, zh: `${name} 没有接入 ovnet。` }, { en: `docker network connect ovnet ${name}`, zh: `docker network connect ovnet ${name}` });
        }
        const address = addressOn(c1!, 'ovnet');
        const found = await probe.resolve({ node: 'node2', container: 'c2' }, 'c1');
        if (!found.addresses.includes(address ?? ''))
          return fail({ en: `In c2, the name c1 does not resolve to c1's ovnet address ${address}.`, zh: `在 c2 里，名字 c1 没有解析成 c1 在 ovnet 上的地址 ${address}。` });
        if (!(await probe.ping({ node: 'node2', container: 'c2' }, address!)).ok) return fail({ en: `c2 resolves c1 to ${address} but gets no answer from it.`, zh: `c2 把 c1 解析成了 ${address}，但 ping 不通。` });
        return pass({ en: `c2 on node2 resolves c1 to ${address} and reaches it on node1, through ovnet.`, zh: `node2 上的 c2 把 c1 解析为 ${address}，并经由 ovnet 访问到了 node1 上的它。` });
      },
    },
    {
      id: 'vni',
      title: { en: "ovnet's VXLAN network identifier", zh: 'ovnet 的 VXLAN 网络标识' },
      points: 10,
      solution: [{ node: 'node1', run: `docker network inspect -f '{{index .Options "com.docker.network.driver.overlay.vxlanid_list"}}' ovnet` }],
      quiz: {
        answer: ({ snaps }) => network(snaps.node1!, 'ovnet')?.vnis.map(String),
        wrong: '4789',
        hint: { en: "The vxlan device in ovnet's namespace shows it as `vxlan id …`; docker network inspect shows it too.", zh: 'ovnet 所在命名空间里的 vxlan 设备会显示为 `vxlan id …`；docker network inspect 也能看到。' },
      },
    },
    {
      id: 'vxlan-port',
      title: { en: 'Encapsulated packets on the wire', zh: '线路上的封装报文' },
      points: 10,
      solution: [{ node: 'node2', run: 'nsenter --net=$(ls -d /run/docker/netns/1-* | tail -n1) ip -d link show type vxlan' }],
      quiz: {
        answer: ({ snaps }) => {
          const vni = network(snaps.node1!, 'ovnet')?.vnis[0];
          const device = snaps.node2!.overlays.flatMap((ns) => ns.links).find((l) => l.vxlan?.id === vni);
          return device?.vxlan?.port ? String(device.vxlan.port) : undefined;
        },
        wrong: '2377',
        hint: { en: 'tcpdump prints each outer packet as node address.port > node address.port: VXLAN, vni …', zh: 'tcpdump 会把每个外层报文打印成 节点地址.端口 > 节点地址.端口: VXLAN, vni …' },
      },
    },
    {
      id: 'service',
      title: { en: 'A service on both nodes', zh: '分布在两个节点上的服务' },
      points: 15,
      solution: [
        {
          node: 'node1',
          run: 'docker service create -d --name web --replicas 2 --replicas-max-per-node 1 --endpoint-mode dnsrr --network ovnet --publish mode=host,target=80,published=8080 nginx',
        },
        { node: 'node1', run: 'for i in $(seq 1 60); do [ "$(docker service ps web -f desired-state=running --format "{{.CurrentState}}" | grep -c ^Running)" = 2 ] && exit 0; sleep 0.5; done; exit 1' },
      ],
      check: async ({ snaps, probe }) => {
        const web = snaps.node1!.swarm.services.find((s) => s.name === 'web');
        if (!web) return fail({ en: 'There is no service named web.', zh: '没有名为 web 的服务。' }, { en: 'On node1: docker service create --name web … nginx (see the command above).', zh: '在 node1 上：docker service create --name web … nginx（见上面的命令）。' });
        if (web.endpointMode !== 'dnsrr')
          return fail(
            { en: 'web has a virtual IP (endpoint mode vip), which needs IPVS, missing from this kernel.', zh: 'web 使用虚拟 IP（endpoint mode vip），这需要 IPVS，而本机内核没有。' },
            { en: 'docker service rm web, then create it with --endpoint-mode dnsrr.', zh: '先 docker service rm web，再加上 --endpoint-mode dnsrr 重新创建。' },
          );
        const nodes = new Set(runningTasks(snaps.node1!, 'web').map((t) => t.node));
        if (!nodes.has('node1') || !nodes.has('node2'))
          return fail(
            { en: `web's tasks run on ${[...nodes].join(' and ') || 'no node yet'}: it needs one on each node.`, zh: `web 的任务运行在 ${[...nodes].join('和') || '（还没有节点）'}上：需要两个节点上各有一个。` },
            { en: '--replicas 2 --replicas-max-per-node 1 puts one task on each node; docker service ps web shows where.', zh: '用 --replicas 2 --replicas-max-per-node 1 让每个节点各运行一个任务；docker service ps web 可以查看分布。' },
          );
        const port = web.ports.find((p) => p.publishMode === 'host' && p.target === 80);
        if (!port?.published) return fail({ en: "web publishes no port in host mode (the routing mesh needs IPVS, missing here).", zh: 'web 没有以 host 模式发布端口（路由网格需要 IPVS，本机没有）。' }, { en: '--publish mode=host,target=80,published=8080', zh: '--publish mode=host,target=80,published=8080' });
        const page = await probe.http({ node: 'node2', host: true }, `http://${eth0Address(snaps.node1!)}:${port.published}/`);
        if (!page.ok) return fail({ en: `node2 gets no page from node1's port ${port.published}.`, zh: `node2 从 node1 的 ${port.published} 端口取不到网页。` });
        return pass({ en: `web runs a task on each node, each answering on its node's port ${port.published}.`, zh: `web 在每个节点上各运行一个任务，各自在所在节点的 ${port.published} 端口提供服务。` });
      },
    },
    {
      id: 'task-node',
      title: { en: 'Where web.1 runs', zh: 'web.1 运行在哪里' },
      points: 5,
      solution: [{ node: 'node1', run: 'docker service ps web' }],
      quiz: {
        answer: ({ snaps }) => runningTasks(snaps.node1!, 'web').find((t) => t.slot === 1)?.node,
        wrong: 'node3',
        hint: { en: 'docker service ps web lists each task (web.1, web.2) with its NODE.', zh: 'docker service ps web 会列出每个任务（web.1、web.2）以及它的 NODE。' },
      },
    },
    {
      id: 'macvlan',
      title: { en: 'macvlan on both nodes', zh: '两个节点上的 macvlan' },
      points: 10,
      solution: [
        { node: 'node1', run: 'docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range 172.16.0.32/28 -o parent=eth0 mv' },
        { node: 'node2', run: 'docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range 172.16.0.48/28 -o parent=eth0 mv' },
      ],
      check: ({ snaps }) => {
        const nets = (['node1', 'node2'] as const).map((node) => ({ node, net: macvlanOnEth0(snaps[node]!), own: eth0Address(snaps[node]!) }));
        for (const { node, net, own } of nets) {
          if (!net)
            return fail({ en: `${node} has no macvlan network on eth0.`, zh: `${node} 上没有以 eth0 为父接口的 macvlan 网络。` }, { en: `On ${node}: docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range … -o parent=eth0 mv`, zh: `在 ${node} 上：docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range … -o parent=eth0 mv` });
          if (!net.subnets.some((s) => s === '172.16.0.0/24'))
            return fail({ en: `${node}'s ${net.name} is on ${net.subnets.join(', ')}, not on eth0's own subnet 172.16.0.0/24 (eth0 is ${own}).`, zh: `${node} 的 ${net.name} 子网是 ${net.subnets.join('、')}，不是 eth0 所在的 172.16.0.0/24（eth0 是 ${own}）。` });
        }
        const [a, b] = nets.map((n) => n.net!.ipRanges[0]);
        if (!a || !b || a === b)
          return fail(
            { en: 'Give each node its own --ip-range: two engines on one subnet would hand out the same addresses.', zh: '给每个节点一个不同的 --ip-range：同一个子网上的两个引擎会分配出相同的地址。' },
            { en: 'node1: --ip-range 172.16.0.32/28, node2: --ip-range 172.16.0.48/28', zh: 'node1 用 --ip-range 172.16.0.32/28，node2 用 --ip-range 172.16.0.48/28' },
          );
        return pass({ en: `Both nodes have a macvlan network on eth0, in 172.16.0.0/24: node1 hands out ${a}, node2 ${b}.`, zh: `两个节点都在 eth0 上有 macvlan 网络，子网 172.16.0.0/24：node1 分配 ${a}，node2 分配 ${b}。` });
      },
    },
    {
      id: 'macvlan-reach',
      title: { en: 'm2 reaches m1 across the hosts', zh: 'm2 跨主机访问 m1' },
      points: 15,
      solution: [
        { node: 'node1', run: 'docker run -d --name m1 --network mv busybox sleep 1d' },
        { node: 'node2', run: 'docker run -d --name m2 --network mv busybox sleep 1d' },
      ],
      check: async ({ snaps, probe }) => {
        const m1 = container(snaps.node1!, 'm1');
        const m2 = container(snaps.node2!, 'm2');
        if (!m1?.running) return fail({ en: 'There is no running container m1 on node1.', zh: 'node1 上没有正在运行的容器 m1。' }, { en: 'On node1: docker run -d --name m1 --network mv busybox sleep 1d', zh: '在 node1 上：docker run -d --name m1 --network mv busybox sleep 1d' });
        if (!m2?.running) return fail({ en: 'There is no running container m2 on node2.', zh: 'node2 上没有正在运行的容器 m2。' }, { en: 'On node2: docker run -d --name m2 --network mv busybox sleep 1d', zh: '在 node2 上：docker run -d --name m2 --network mv busybox sleep 1d' });
        const address = m1.networks.find((n) => macvlanOnEth0(snaps.node1!)?.name === n.network)?.ipAddress;
        if (!address || !m2.networks.some((n) => macvlanOnEth0(snaps.node2!)?.name === n.network))
          return fail({ en: 'm1 and m2 must each be on their node’s macvlan network.', zh: 'm1 和 m2 都要接入各自节点上的 macvlan 网络。' });
        if (!(await probe.ping({ node: 'node2', container: 'm2' }, address)).ok) return fail({ en: `m2 gets no answer from m1 at ${address}.`, zh: `m2 ping 不通 m1（${address}）。` });
        return pass({ en: `m2 reaches m1 at ${address}: both sit directly on the hosts' network, no bridge, no NAT, no tunnel.`, zh: `m2 访问到了 m1（${address}）：两者直接连在主机所在的网络上，没有网桥、没有 NAT、也没有隧道。` });
      },
    },
    {
      id: 'macvlan-host',
      title: { en: 'And node1 itself?', zh: '那 node1 自己呢？' },
      points: 10,
      solution: [{ node: 'node1', run: "ping -c1 -W1 $(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' m1) || true" }],
      quiz: {
        answer: async ({ snaps, probe }) => {
          const m1 = container(snaps.node1!, 'm1');
          const address = m1 && addressOn(m1, macvlanOnEth0(snaps.node1!)?.name);
          if (!address) return undefined;
          return (await probe.ping({ node: 'node1', host: true }, address)).ok;
        },
        wrong: 'yes',
        hint: { en: 'Ping m1’s address from node1’s own shell, then from node2’s.', zh: '先在 node1 自己的终端里 ping m1 的地址，再在 node2 上试试。' },
      },
    },
  ],
});
