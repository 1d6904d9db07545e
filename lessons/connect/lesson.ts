// Lesson 6: docker network connect (seeds 000, 003).
import { addressOn, container, networksOf, vethPeer } from '../../grader/vocabulary';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: 'connect',
  minutes: 15,
  buildsOn: ['user-networks'],
  title: { en: 'docker network connect', zh: 'docker network connect' },
  summary: { en: 'Attach a running container to a second network.', zh: '把运行中的容器接入第二个网络。' },
  setup: [
    'docker run -d --name ng1 nginx',
    'docker run -d --name ng2 nginx',
    'docker network create my-network',
    'docker run -d --name my-ng1 --network my-network nginx',
  ],
  steps: [
    {
      id: 'connect',
      title: { en: 'ng1 on two networks', zh: 'ng1 连上两个网络' },
      points: 10,
      solution: ['docker network connect my-network ng1'],
      check: ({ snap }) => {
        const ng1 = container(snap, 'ng1');
        if (!ng1?.running) return fail({ en: 'ng1 is not running.', zh: 'ng1 没有在运行。' });
        const nets = ng1.networks.filter((n) => n.ipAddress);
        if (!networksOf(ng1).includes('my-network'))
          return fail(
            { en: `ng1 is attached only to ${networksOf(ng1).map((n) => `\`${n}\``).join(', ')}, not to \`my-network\`.`, zh: `ng1 只连接到 ${networksOf(ng1).map((n) => `\`${n}\``).join('、')}，没有连接到 \`my-network\`。` },
            { en: 'docker network connect my-network ng1', zh: 'docker network connect my-network ng1' },
          );
        if (!networksOf(ng1).includes('bridge')) return fail({ en: 'ng1 left the default bridge: keep it on both for now.', zh: 'ng1 离开了默认网桥：这一步要让它同时在两个网络上。' }, { en: 'docker network connect bridge ng1', zh: 'docker network connect bridge ng1' });
        return pass({ en: `ng1 has two addresses: ${nets.map((n) => `${n.ipAddress} on ${n.network}`).join(', ')}.`, zh: `ng1 有两个地址：${nets.map((n) => `${n.network} 上的 ${n.ipAddress}`).join('，')}。` });
      },
    },
    {
      id: 'cnm',
      title: { en: 'Sandbox, endpoint, network', zh: '沙箱、端点、网络' },
      points: 10,
      solution: ["nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' ng1) ip -br link", 'ip -br link show type bridge'],
      quiz: {
        answer: ({ snap }) => {
          const ng1 = container(snap, 'ng1');
          const address = ng1 && addressOn(ng1, 'my-network');
          // The endpoint: ng1's interface with its my-network address, and that veth's other end on the host.
          const endpoint = ng1?.netns?.links.find((l) => l.addresses.some((a) => a.address === address));
          const hostEnd = endpoint && vethPeer(snap, { container: 'ng1' }, endpoint.name);
          return hostEnd && 'host' in hostEnd.place ? hostEnd.link.master : undefined;
        },
        wrong: 'docker0',
        hint: {
          en: "ip -br link show type bridge lists the bridges; my-network's is br- and the start of its id (docker network inspect -f '{{.Id}}' my-network).",
          zh: "ip -br link show type bridge 会列出所有网桥；my-network 的网桥名是 br- 加上它 ID 的开头（docker network inspect -f '{{.Id}}' my-network）。",
        },
      },
    },
    {
      id: 'reach-across',
      title: { en: 'Who reaches my-ng1?', zh: '谁能访问 my-ng1？' },
      points: 10,
      solution: ['docker exec ng1 ping -c 1 my-ng1', 'docker exec ng2 ping -c 1 -W 1 my-ng1 || true'],
      quiz: {
        answer: async ({ probe }) => {
          const reaches = async (from: string) => {
            const found = await probe.resolve({ container: from }, 'my-ng1');
            return !!found.addresses[0] && (await probe.ping({ container: from }, found.addresses[0])).ok;
          };
          const [one, two] = await Promise.all([reaches('ng1'), reaches('ng2')]);
          if (one && !two) return 'ng1';
          if (two && !one) return 'ng2';
          return undefined;
        },
        wrong: 'ng2',
        hint: { en: 'Try docker exec ng1 ping -c 1 my-ng1, and the same from ng2.', zh: '试试 docker exec ng1 ping -c 1 my-ng1，再从 ng2 试一次。' },
      },
    },
    {
      id: 'disconnect',
      title: { en: 'Leave the default bridge', zh: '离开默认网桥' },
      points: 10,
      solution: ['docker network disconnect bridge ng1'],
      check: ({ snap }) => {
        const ng1 = container(snap, 'ng1');
        const nets = ng1 ? networksOf(ng1) : [];
        if (!ng1?.running) return fail({ en: 'ng1 is not running.', zh: 'ng1 没有在运行。' });
        if (nets.includes('bridge')) return fail({ en: 'ng1 is still on the default bridge.', zh: 'ng1 还在默认网桥上。' }, { en: 'docker network disconnect bridge ng1', zh: 'docker network disconnect bridge ng1' });
        if (!nets.includes('my-network')) return fail({ en: 'ng1 is no longer on my-network either: it should keep that one.', zh: 'ng1 连 my-network 也离开了：它应该留在 my-network 上。' }, { en: 'docker network connect my-network ng1', zh: 'docker network connect my-network ng1' });
        return pass({ en: 'ng1 is on my-network only: one container, networks changed while it runs.', zh: 'ng1 只在 my-network 上了：容器运行时就能更换网络。' });
      },
    },
  ],
});
