// Lesson 2: network namespaces and veth pairs, and a bridge of your own (seed 001).
import { expectAddress, expectLinkUp, inSubnet, link, namedNamespace, vethPeer } from '../../grader/vocabulary';
import type { Snapshot } from '../../grader/model';
import { allOf, fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

/** In a namespace: an interface with an IPv4 address whose veth peer is a port of a bridge on the host. */
function cableToBridge(snap: Snapshot, netns: string) {
  const dockerBridges = new Set(snap.networks.map((n) => n.bridge).filter(Boolean));
  for (const l of namedNamespace(snap, netns)?.links ?? []) {
    const address = l.addresses.find((a) => a.family === 'inet');
    const peer = vethPeer(snap, { netns }, l.name);
    if (!address || !peer || !('host' in peer.place) || !peer.link.master || dockerBridges.has(peer.link.master)) continue;
    return { link: l, address, bridge: peer.link.master };
  }
  return undefined;
}

export default defineLesson({
  slug: 'veth-netns',
  minutes: 25,
  buildsOn: ['docker0'],
  title: { en: 'Network namespaces and veth pairs', zh: '网络命名空间与 veth pair' },
  summary: {
    en: 'Build two namespaces, wire them with veth pairs and a bridge: docker0 by hand.',
    zh: '创建两个命名空间，用 veth pair 和网桥把它们连起来：亲手做一个 docker0。',
  },
  steps: [
    {
      id: 'add-netns',
      title: { en: 'Two namespaces', zh: '两个命名空间' },
      points: 5,
      solution: ['ip netns add test01', 'ip netns add test02'],
      check: ({ snap }) => {
        const missing = ['test01', 'test02'].filter((n) => !namedNamespace(snap, n));
        if (missing.length)
          return fail(
            { en: `Namespace ${missing.join(' and ')} does not exist yet.`, zh: `命名空间 ${missing.join(' 和 ')} 还不存在。` },
            { en: 'ip netns add <name> creates one; ip netns ls lists them.', zh: '用 ip netns add <名字> 创建；ip netns ls 列出全部。' },
          );
        return pass({ en: 'test01 and test02 exist.', zh: 'test01 和 test02 已创建。' });
      },
    },
    {
      id: 'veth-pair',
      title: { en: 'A veth pair', zh: '一对 veth' },
      points: 10,
      solution: ['ip link add veth type veth peer name veth001'],
      check: ({ snap }) => {
        const end = link(snap.host, 'veth');
        if (!end || end.kind !== 'veth')
          return fail(
            { en: 'There is no veth interface named veth on the sandbox host.', zh: '沙箱主机上没有名为 veth 的 veth 接口。' },
            { en: 'ip link add veth type veth peer name veth001 creates both ends.', zh: '用 ip link add veth type veth peer name veth001 一次创建两端。' },
          );
        const peer = vethPeer(snap, { host: true }, 'veth');
        if (peer?.link.name !== 'veth001')
          return fail(
            { en: `veth's other end is ${peer ? peer.link.name : 'not found'}, not veth001.`, zh: `veth 的另一端是 ${peer ? peer.link.name : '（找不到）'}，不是 veth001。` },
            { en: 'Delete it (ip link del veth) and create the pair again with peer name veth001.', zh: '先删除（ip link del veth），再用 peer name veth001 重新创建。' },
          );
        return pass({ en: 'veth and veth001 are the two ends of one cable.', zh: 'veth 和 veth001 是同一根网线的两端。' });
      },
    },
    {
      id: 'move',
      title: { en: 'veth001 into test01', zh: '把 veth001 移入 test01' },
      points: 10,
      solution: ['ip link set veth001 netns test01'],
      check: ({ snap }) => {
        if (!link(namedNamespace(snap, 'test01'), 'veth001'))
          return fail(
            { en: 'veth001 is not in namespace test01.', zh: 'veth001 不在命名空间 test01 中。' },
            { en: 'ip link set veth001 netns test01 moves it; it then disappears from ip link on the host.', zh: '用 ip link set veth001 netns test01 移动；之后主机上的 ip link 就看不到它了。' },
          );
        return pass({ en: 'veth001 lives in test01 now; its peer veth stayed on the host.', zh: 'veth001 已在 test01 中，它的对端 veth 留在主机上。' });
      },
    },
    {
      id: 'peer-index',
      title: { en: "The peer's index, with ethtool", zh: '用 ethtool 查看对端的索引' },
      points: 5,
      solution: ['ip netns exec test01 ethtool -S veth001 | grep peer_ifindex', 'ip -o link show veth'],
      quiz: {
        answer: ({ snap }) => {
          const peer = vethPeer(snap, { netns: 'test01' }, 'veth001');
          return peer && 'host' in peer.place ? String(peer.link.ifindex) : undefined;
        },
        wrong: '1',
        hint: {
          en: 'ip netns exec test01 ethtool -S veth001 prints peer_ifindex; ip -o link show veth starts with the same number.',
          zh: 'ip netns exec test01 ethtool -S veth001 会打印 peer_ifindex；ip -o link show veth 开头的数字与它相同。',
        },
      },
    },
    {
      id: 'address',
      title: { en: 'An address for veth001', zh: '给 veth001 配地址' },
      points: 10,
      solution: ['ip netns exec test01 ip addr add 172.16.0.111/20 dev veth001', 'ip netns exec test01 ip link set veth001 up'],
      check: ({ snap }) =>
        allOf(
          [
            expectAddress(snap, { netns: 'test01' }, 'veth001', '172.16.0.111/20'),
            expectLinkUp(snap, { netns: 'test01' }, 'veth001'),
          ],
          { en: 'veth001 has 172.16.0.111/20 and is up.', zh: 'veth001 已配置 172.16.0.111/20 并启用。' },
        ),
    },
    {
      id: 'peer',
      title: { en: 'The host end, and a ping across', zh: '主机这一端，以及跨命名空间 ping' },
      points: 15,
      solution: ['ip addr add 172.16.0.112/20 dev veth', 'ip link set veth up'],
      check: async ({ snap, probe }) => {
        const state = allOf(
          [expectAddress(snap, { host: true }, 'veth', '172.16.0.112/20'), expectLinkUp(snap, { host: true }, 'veth')],
          { en: '', zh: '' },
        );
        if (!state.pass) return state;
        const ping = await probe.ping({ host: true }, '172.16.0.111');
        if (!ping.ok)
          return fail(
            { en: 'Both ends are set, but a ping from the host to 172.16.0.111 gets no answer.', zh: '两端都配置好了，但从主机 ping 172.16.0.111 没有回应。' },
            { en: 'Is veth001 up inside test01? ip netns exec test01 ip link shows it.', zh: 'test01 里的 veth001 启用了吗？用 ip netns exec test01 ip link 查看。' },
          );
        return pass({ en: 'The host reaches test01 through the veth pair.', zh: '主机通过这对 veth 连通了 test01。' });
      },
    },
    {
      id: 'bridge-two',
      title: { en: 'A bridge of your own', zh: '自己的网桥' },
      points: 20,
      solution: [
        'ip link add br0 type bridge',
        'ip link set br0 up',
        'ip link add veth01 type veth peer name veth01-br',
        'ip link add veth02 type veth peer name veth02-br',
        'ip link set veth01 netns test01',
        'ip link set veth02 netns test02',
        'ip link set veth01-br master br0 up',
        'ip link set veth02-br master br0 up',
        'ip netns exec test01 ip addr add 10.10.0.1/24 dev veth01',
        'ip netns exec test02 ip addr add 10.10.0.2/24 dev veth02',
        'ip netns exec test01 ip link set veth01 up',
        'ip netns exec test02 ip link set veth02 up',
        'iptables -I FORWARD -i br0 -o br0 -j ACCEPT',
      ],
      check: async ({ snap, probe }) => {
        const one = cableToBridge(snap, 'test01');
        const two = cableToBridge(snap, 'test02');
        const missing = [!one && 'test01', !two && 'test02'].filter(Boolean);
        if (missing.length || !one || !two)
          return fail(
            {
              en: `${missing.join(' and ')} has no interface with an address whose veth peer is a port of a bridge of yours.`,
              zh: `${missing.join(' 和 ')} 里还没有这样的接口：配了地址，且它的 veth 对端接在你自己的网桥上。`,
            },
            {
              en: 'Create a bridge (ip link add br0 type bridge), a veth pair per namespace, move one end in, attach the other with ip link set … master br0.',
              zh: '创建网桥（ip link add br0 type bridge），每个命名空间一对 veth：一端移入命名空间，另一端用 ip link set … master br0 接到网桥上。',
            },
          );
        if (one.bridge !== two.bridge)
          return fail({ en: `test01 is cabled to ${one.bridge} but test02 to ${two.bridge}: use one bridge.`, zh: `test01 接在 ${one.bridge} 上，test02 却接在 ${two.bridge} 上：请用同一个网桥。` });
        if (!inSubnet(two.address.address, one.address.cidr))
          return fail(
            { en: `${one.address.cidr} and ${two.address.cidr} are not in one subnet.`, zh: `${one.address.cidr} 和 ${two.address.cidr} 不在同一个子网。` },
            { en: 'Give both addresses from one subnet, e.g. 10.10.0.1/24 and 10.10.0.2/24.', zh: '两个地址要来自同一个子网，例如 10.10.0.1/24 和 10.10.0.2/24。' },
          );
        const down = [one, two].find((x) => !x.link.up);
        if (down) return expectLinkUp(snap, { netns: down === one ? 'test01' : 'test02' }, down.link.name);
        const ping = await probe.ping({ netns: 'test01' }, two.address.address);
        if (!ping.ok)
          return fail(
            {
              en: `Everything is wired, but test01 cannot ping ${two.address.address}: the bridge drops the traffic.`,
              zh: `连线都对了，但 test01 ping 不通 ${two.address.address}：流量在网桥上被丢弃了。`,
            },
            {
              en: `Docker set the FORWARD policy to DROP, and with br_netfilter bridged frames pass through iptables. Look at iptables -S FORWARD and sysctl net.bridge.bridge-nf-call-iptables; a rule such as iptables -I FORWARD -i ${one.bridge} -o ${one.bridge} -j ACCEPT lets them through.`,
              zh: `Docker 把 FORWARD 链的默认策略设成了 DROP，而 br_netfilter 会让网桥转发的帧也经过 iptables。看看 iptables -S FORWARD 和 sysctl net.bridge.bridge-nf-call-iptables；加一条 iptables -I FORWARD -i ${one.bridge} -o ${one.bridge} -j ACCEPT 即可放行。`,
            },
          );
        return pass({ en: `test01 reaches test02 through ${one.bridge}: this is what docker0 does for containers.`, zh: `test01 经 ${one.bridge} 连通了 test02：这正是 docker0 为容器做的事。` });
      },
    },
  ],
});

