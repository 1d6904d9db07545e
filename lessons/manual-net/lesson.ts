// Lesson 3: a container's network by hand, with --net=none (seed 002).
import { container, expectLinkUp, expectOnBridge, isHostAddress, link, vethPeer } from '../../grader/vocabulary';
import { allOf, fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

const PID = "pid=$(docker inspect -f '{{.State.Pid}}' box)";

export default defineLesson({
  slug: 'manual-net',
  minutes: 20,
  buildsOn: ['veth-netns'],
  title: { en: "A container's network by hand", zh: '手动为容器配置网络' },
  summary: { en: 'Start with --net=none and give the container its network yourself.', zh: '从 --net=none 开始，亲手为容器接上网络。' },
  steps: [
    {
      id: 'run-none',
      title: { en: 'A container with no network', zh: '一个没有网络的容器' },
      points: 5,
      solution: ['docker run -d --name box --net=none busybox sleep 86400'],
      check: ({ snap }) => {
        const box = container(snap, 'box');
        if (!box?.running)
          return fail(
            { en: 'There is no running container named box.', zh: '没有正在运行的名为 box 的容器。' },
            { en: 'docker run -d --name box --net=none busybox sleep 86400', zh: 'docker run -d --name box --net=none busybox sleep 86400' },
          );
        if (box.networkMode !== 'none')
          return fail({ en: `box runs with network mode ${box.networkMode}, not none.`, zh: `box 的网络模式是 ${box.networkMode}，不是 none。` }, { en: 'Remove it (docker rm -f box) and run it again with --net=none.', zh: '删除它（docker rm -f box），再用 --net=none 重新运行。' });
        return pass({ en: 'box runs with --net=none: only lo inside.', zh: 'box 以 --net=none 运行：里面只有 lo。' });
      },
    },
    {
      id: 'expose-netns',
      title: { en: 'Its namespace in ip netns', zh: '让 ip netns 看到它的命名空间' },
      points: 10,
      solution: [`${PID}; mkdir -p /var/run/netns; ln -sf /proc/$pid/ns/net /var/run/netns/box`],
      check: ({ snap }) => {
        const box = container(snap, 'box');
        const named = snap.namespaces.find((n) => box?.netns && n.inode === box.netns.inode);
        if (!named)
          return fail(
            { en: "No name in ip netns list leads to box's network namespace.", zh: 'ip netns list 里没有哪个名字指向 box 的网络命名空间。' },
            { en: "Link /proc/<box's pid>/ns/net into /var/run/netns (docker inspect -f '{{.State.Pid}}' box gives the pid), or use ip netns attach.", zh: "把 /proc/<box 的 pid>/ns/net 链接到 /var/run/netns 下（pid 用 docker inspect -f '{{.State.Pid}}' box 查），或者用 ip netns attach。" },
          );
        return pass({ en: `ip netns now knows box's namespace as ${named.name}.`, zh: `ip netns 现在把 box 的命名空间叫作 ${named.name}。` });
      },
    },
    {
      id: 'veth-to-bridge',
      title: { en: 'End A on docker0', zh: '把 A 端接到 docker0' },
      points: 10,
      solution: ['ip link add A type veth peer name B && ip link set A master docker0 && ip link set A up'],
      check: ({ snap }) => {
        const a = link(snap.host, 'A');
        if (!a || a.kind !== 'veth')
          return fail({ en: 'There is no veth interface A on the host.', zh: '主机上没有名为 A 的 veth 接口。' }, { en: 'ip link add A type veth peer name B', zh: 'ip link add A type veth peer name B' });
        return allOf([expectOnBridge(snap, { host: true }, 'A', 'docker0'), expectLinkUp(snap, { host: true }, 'A')], {
          en: 'A is a port of docker0, and up.',
          zh: 'A 已接入 docker0 并启用。',
        });
      },
    },
    {
      id: 'eth0-inside',
      title: { en: 'B inside as eth0', zh: 'B 进入容器成为 eth0' },
      points: 20,
      solution: [
        `${PID}
ip link set B netns $pid
ip netns exec box ip link set dev B name eth0
ip netns exec box ip link set eth0 up
ip netns exec box ip addr add 172.17.0.99/16 dev eth0
ip netns exec box ip route add default via 172.17.0.1`,
      ],
      check: ({ snap }) => {
        const ns = container(snap, 'box')?.netns;
        const eth0 = link(ns, 'eth0');
        if (!eth0)
          return fail({ en: 'box has no eth0 yet.', zh: 'box 里还没有 eth0。' }, { en: 'Move B into its namespace (ip link set B netns <pid>), then rename it: ip link set dev B name eth0.', zh: '把 B 移入它的命名空间（ip link set B netns <pid>），再改名：ip link set dev B name eth0。' });
        if (vethPeer(snap, { container: 'box' }, 'eth0')?.link.name !== 'A')
          return fail({ en: "box's eth0 is not the other end of A.", zh: 'box 的 eth0 不是 A 的另一端。' });
        const up = expectLinkUp(snap, { container: 'box' }, 'eth0');
        if (!up.pass) return up;
        const docker0 = link(snap.host, 'docker0')?.addresses.find((a) => a.family === 'inet');
        const address = eth0.addresses.find((a) => a.family === 'inet');
        const pickFree = { en: 'Pick a free one, e.g. ip netns exec box ip addr add 172.17.0.99/16 dev eth0 (ip addr del removes a wrong one).', zh: '选一个没被占用的，例如 ip netns exec box ip addr add 172.17.0.99/16 dev eth0（用 ip addr del 删掉错误的地址）。' };
        if (!docker0 || !address || !isHostAddress(address.address, docker0.cidr))
          return fail(
            { en: `eth0 needs an address of docker0's subnet (${docker0?.cidr ?? '?'}); it has ${address?.cidr ?? 'none'}.`, zh: `eth0 需要一个属于 docker0 子网（${docker0?.cidr ?? '?'}）的地址；现在是 ${address?.cidr ?? '无'}。` },
            pickFree,
          );
        // An address that docker0 or a container already has would collide with it on the bridge.
        const holder =
          address.address === docker0.address ? 'docker0' : snap.containers.find((c) => c.name !== 'box' && c.networks.some((n) => n.network === 'bridge' && n.ipAddress === address.address))?.name;
        if (holder)
          return fail({ en: `${address.address} is already ${holder}'s address: two interfaces on docker0 cannot share one.`, zh: `${address.address} 已经是 ${holder} 的地址：docker0 上的两个接口不能共用一个地址。` }, pickFree);
        if (!ns?.routes.some((r) => r.dst === 'default' && r.gateway === docker0.address))
          return fail(
            { en: `box has no default route via ${docker0.address}.`, zh: `box 没有经 ${docker0.address} 的默认路由。` },
            { en: `ip netns exec box ip route add default via ${docker0.address}`, zh: `ip netns exec box ip route add default via ${docker0.address}` },
          );
        return pass({ en: `box has eth0 ${address.cidr}, with docker0 as its gateway: what Docker does for every container.`, zh: `box 有了 eth0 ${address.cidr}，网关是 docker0：Docker 为每个容器做的正是这些。` });
      },
    },
    {
      id: 'nsenter',
      title: { en: 'nsenter: in by pid', zh: 'nsenter：凭 pid 进入' },
      points: 5,
      solution: [`${PID}; nsenter -t $pid -n ip route`],
      quiz: {
        answer: ({ snap }) => container(snap, 'box')?.netns?.routes.find((r) => r.dst === 'default')?.gateway,
        wrong: '0.0.0.0',
        hint: { en: "pid=$(docker inspect -f '{{.State.Pid}}' box); nsenter -t $pid -n ip route: the address after default via.", zh: "pid=$(docker inspect -f '{{.State.Pid}}' box)；nsenter -t $pid -n ip route：default via 后面的地址。" },
      },
    },
    {
      id: 'reach',
      title: { en: 'Another container reaches it', zh: '另一个容器能连通它' },
      points: 10,
      solution: ['docker run -d --name peer busybox sleep 86400'],
      check: async ({ snap, probe }) => {
        const target = link(container(snap, 'box')?.netns, 'eth0')?.addresses.find((a) => a.family === 'inet')?.address;
        if (!target) return fail({ en: 'box has no address yet: finish the step before.', zh: 'box 还没有地址：请先完成上一步。' });
        const other = snap.containers.find((c) => c.running && c.name !== 'box' && c.networks.some((n) => n.network === 'bridge'));
        if (!other)
          return fail({ en: 'Start another container on the default bridge to ping box from.', zh: '在默认网桥上再启动一个容器，用来 ping box。' }, { en: 'docker run -d --name peer busybox sleep 86400', zh: 'docker run -d --name peer busybox sleep 86400' });
        const ping = await probe.ping({ container: other.name }, target);
        if (!ping.ok)
          return fail({ en: `${other.name} cannot ping box at ${target}.`, zh: `${other.name} ping 不通 box（${target}）。` }, { en: "Check A is up on docker0, and eth0's address and route in box.", zh: '检查 A 是否已在 docker0 上启用，以及 box 里 eth0 的地址和路由。' });
        return pass({ en: `${other.name} reaches box at ${target}: your hand-made network works.`, zh: `${other.name} 连通了 box（${target}）：你亲手搭的网络通了。` });
      },
    },
  ],
});

