// Lesson 5: user-defined bridge networks (seeds 000, 002, 004).
import { addressOn, container, expectOnNetwork, inSubnet, network, networksOf } from '../../grader/vocabulary';
import { allOf, fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'user-networks',
  minutes: 20,
  buildsOn: ['docker0'],
  title: { en: 'User-defined bridge networks', zh: '自定义网桥网络' },
  summary: { en: 'Create your own networks, with names that resolve.', zh: '创建自己的网络，容器名可以直接解析。' },
  // The sandbox starts as the source post's host was: with IPv4 forwarding off (step forwarding fixes it).
  setup: ['sysctl -qw net.ipv4.ip_forward=0'],
  steps: [
    {
      id: 'create',
      title: { en: 'my-network', zh: 'my-network' },
      points: 5,
      solution: ['docker network create my-network'],
      check: ({ snap }) => {
        const net = network(snap, 'my-network');
        if (!net) return fail({ en: 'There is no network named my-network.', zh: '没有名为 my-network 的网络。' }, { en: 'docker network create my-network', zh: 'docker network create my-network' });
        if (net.driver !== 'bridge') return fail({ en: `my-network uses the ${net.driver} driver, not bridge.`, zh: `my-network 用的是 ${net.driver} 驱动，不是 bridge。` });
        return pass({ en: `my-network is a bridge network on ${net.subnets.join(', ')}.`, zh: `my-network 是一个网桥网络，子网为 ${net.subnets.join('、')}。` });
      },
    },
    {
      id: 'subnet',
      title: { en: 'A subnet of your choice', zh: '自选子网' },
      points: 10,
      solution: ['docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 my-network2'],
      check: ({ snap }) => {
        const net = network(snap, 'my-network2');
        if (!net) return fail({ en: 'There is no network named my-network2.', zh: '没有名为 my-network2 的网络。' }, { en: 'docker network create --subnet 192.168.0.0/16 --gateway 192.168.0.1 my-network2 (the flag is --gateway).', zh: 'docker network create --subnet 192.168.0.0/16 --gateway 192.168.0.1 my-network2（参数是 --gateway）。' });
        if (!net.subnets.includes('192.168.0.0/16') || !net.gateways.includes('192.168.0.1'))
          return fail(
            { en: `my-network2 has subnet ${net.subnets.join(', ') || '?'} and gateway ${net.gateways.join(', ') || '?'}, not 192.168.0.0/16 via 192.168.0.1.`, zh: `my-network2 的子网是 ${net.subnets.join('、') || '?'}，网关是 ${net.gateways.join('、') || '?'}，而不是 192.168.0.0/16 和 192.168.0.1。` },
            { en: 'A network cannot change its subnet: docker network rm my-network2, then create it again.', zh: '网络创建后不能改子网：先 docker network rm my-network2，再重新创建。' },
          );
        return pass({ en: 'my-network2 is 192.168.0.0/16 with gateway 192.168.0.1.', zh: 'my-network2 的子网是 192.168.0.0/16，网关 192.168.0.1。' });
      },
    },
    {
      id: 'run-on-network',
      title: { en: 'Two containers on my-network', zh: 'my-network 上的两个容器' },
      points: 10,
      solution: ['docker run -d --name my-ng1 --network my-network nginx', 'docker run -d --name my-ng2 --network my-network nginx'],
      check: ({ snap }) =>
        allOf([expectOnNetwork(snap, 'my-ng1', 'my-network'), expectOnNetwork(snap, 'my-ng2', 'my-network')], {
          en: 'my-ng1 and my-ng2 are on my-network.',
          zh: 'my-ng1 和 my-ng2 都在 my-network 上。',
        }),
    },
    {
      id: 'forwarding',
      title: { en: 'WARNING: IPv4 forwarding is disabled', zh: 'WARNING: IPv4 forwarding is disabled' },
      points: 10,
      solution: ['sysctl net.ipv4.ip_forward', 'sysctl -w net.ipv4.ip_forward=1'],
      check: ({ snap }) => {
        if (snap.host.forwarding === undefined) return fail({ en: 'Your sandbox’s forwarding setting could not be read; try again.', zh: '读取不到沙箱的转发设置，请再试一次。' });
        if (!snap.host.forwarding)
          return fail(
            { en: 'IPv4 forwarding is still off: sysctl net.ipv4.ip_forward prints 0, and Docker warns at every docker run.', zh: 'IPv4 转发仍是关闭的：sysctl net.ipv4.ip_forward 输出 0，每次 docker run 都会有警告。' },
            { en: 'sysctl -w net.ipv4.ip_forward=1 turns it on.', zh: '用 sysctl -w net.ipv4.ip_forward=1 打开它。' },
          );
        return pass({ en: 'The host forwards IPv4 again: containers can reach beyond their bridge, and docker run no longer warns.', zh: '主机重新开始转发 IPv4：容器可以访问网桥以外的地方，docker run 也不再警告了。' });
      },
    },
    {
      id: 'by-name',
      title: { en: 'By name', zh: '用名字访问' },
      points: 10,
      solution: ['docker exec my-ng1 ping -c 2 my-ng2'],
      quiz: {
        answer: async ({ snap, probe }) => {
          const found = await probe.dns({ container: 'my-ng1' }, 'my-ng2');
          const address = found.addresses[0];
          if (!address || !(await probe.ping({ container: 'my-ng1' }, address)).ok) return undefined;
          return container(snap, 'my-ng2')?.networks.some((n) => n.ipAddress === address) ? address : undefined;
        },
        wrong: '127.0.0.11',
        hint: { en: 'docker exec my-ng1 ping -c 2 my-ng2 prints the address the name resolves to.', zh: 'docker exec my-ng1 ping -c 2 my-ng2 会打印这个名字解析到的地址。' },
      },
    },
    {
      id: 'no-dns-on-default',
      title: { en: 'No names on the default bridge', zh: '默认网桥上没有名字解析' },
      points: 10,
      solution: ['docker run -d --name ng1 nginx', 'docker run -d --name ng2 nginx', 'docker exec ng1 ping -c 1 -W 1 ng2 || true'],
      quiz: {
        answer: async ({ snap, probe }) => {
          const onDefault = (name: string) => container(snap, name)?.running && networksOf(container(snap, name)!).includes('bridge');
          if (!onDefault('ng1') || !onDefault('ng2')) return undefined;
          return (await probe.resolve({ container: 'ng1' }, 'ng2')).ok;
        },
        wrong: 'yes',
        hint: { en: 'Run ng1 and ng2 without --network, then docker exec ng1 ping -c 1 ng2.', zh: '不加 --network 运行 ng1 和 ng2，再执行 docker exec ng1 ping -c 1 ng2。' },
      },
    },
    {
      id: 'bridge-device',
      title: { en: "my-network's bridge", zh: 'my-network 的网桥' },
      points: 10,
      solution: ['docker network inspect -f "{{.Id}}" my-network', 'ip -br link show type bridge'],
      quiz: {
        answer: ({ snap }) => network(snap, 'my-network')?.bridge,
        wrong: 'docker0',
        hint: { en: 'A user network\'s bridge is named br- and the first 12 characters of the network id.', zh: '自定义网络的网桥名是 br- 加上网络 ID 的前 12 个字符。' },
      },
    },
    {
      id: 'ip-range',
      title: { en: 'A range, a reserved address, a fixed one', zh: '地址范围、保留地址与固定地址' },
      points: 15,
      solution: [
        'docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --ip-range 172.30.5.0/24 --aux-address reserved=172.30.5.0 my-network3',
        'docker run -d --name auto --network my-network3 busybox sleep 86400',
        'docker run -d --name fixed --network my-network3 --ip 172.30.9.9 busybox sleep 86400',
      ],
      check: ({ snap }) => {
        const net = network(snap, 'my-network3');
        const create = {
          en: 'docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --ip-range 172.30.5.0/24 --aux-address reserved=172.30.5.0 my-network3 (docker network rm my-network3 first if it exists).',
          zh: 'docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.1 --ip-range 172.30.5.0/24 --aux-address reserved=172.30.5.0 my-network3（若已存在，先 docker network rm my-network3）。',
        };
        if (!net) return fail({ en: 'There is no network named my-network3.', zh: '没有名为 my-network3 的网络。' }, create);
        const reserved = Object.values(net.auxAddresses);
        if (!net.subnets.includes('172.30.0.0/16') || !net.ipRanges.includes('172.30.5.0/24') || !reserved.includes('172.30.5.0'))
          return fail(
            {
              en: `my-network3 has subnet ${net.subnets.join(', ') || '?'}, range ${net.ipRanges.join(', ') || '(none)'} and reserved ${reserved.join(', ') || '(none)'}: not 172.30.0.0/16, 172.30.5.0/24 and 172.30.5.0.`,
              zh: `my-network3 的子网是 ${net.subnets.join('、') || '?'}，地址范围 ${net.ipRanges.join('、') || '（无）'}，保留地址 ${reserved.join('、') || '（无）'}：不是 172.30.0.0/16、172.30.5.0/24 和 172.30.5.0。`,
            },
            create,
          );
        const auto = container(snap, 'auto');
        const autoAddress = auto?.running ? addressOn(auto, 'my-network3') : undefined;
        if (!autoAddress || !inSubnet(autoAddress, '172.30.5.0/24'))
          return fail(
            { en: 'Start a container auto on my-network3 without --ip: its address will come from the range.', zh: '在 my-network3 上启动一个不带 --ip 的容器 auto：它的地址会来自那个范围。' },
            { en: 'docker run -d --name auto --network my-network3 busybox sleep 86400', zh: 'docker run -d --name auto --network my-network3 busybox sleep 86400' },
          );
        const fixed = container(snap, 'fixed');
        if (!fixed?.running || addressOn(fixed, 'my-network3') !== '172.30.9.9')
          return fail(
            { en: `Start a container fixed on my-network3 with the address 172.30.9.9${fixed ? ` (it has ${addressOn(fixed, 'my-network3') ?? 'none there'})` : ''}.`, zh: `在 my-network3 上启动容器 fixed，地址为 172.30.9.9${fixed ? `（它现在是 ${addressOn(fixed, 'my-network3') ?? '无'}）` : ''}。` },
            { en: 'docker run -d --name fixed --network my-network3 --ip 172.30.9.9 busybox sleep 86400 (docker rm -f fixed first).', zh: 'docker run -d --name fixed --network my-network3 --ip 172.30.9.9 busybox sleep 86400（先 docker rm -f fixed）。' },
          );
        return pass({
          en: `auto got ${autoAddress} from the range (its first address, 172.30.5.0, is reserved), and fixed has the address you chose, 172.30.9.9, outside it.`,
          zh: `auto 从地址范围里分到了 ${autoAddress}（范围的第一个地址 172.30.5.0 被保留了），fixed 用的是你指定的 172.30.9.9，在范围之外。`,
        });
      },
    },
  ],
});
