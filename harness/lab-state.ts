// A known network state built in a sandbox by commands, used by the grader's integration test, the fixture
// capture script and the snapshot benchmark: 5 containers (default bridge, a user network with a subnet, a
// reserved address and a published port, a --link, none mode, a second user network), one container made and
// removed, and 2 named namespaces with a veth pair.
import type { Command } from '../course/format';
import type { SandboxBackend, SandboxHandle } from '../sandbox/backend';

export const LAB_STATE_SCRIPT = `
set -e
docker run -d --name ng1 nginx
docker run -d --name web --link ng1:db -e GREETING=hello busybox sleep 86400
docker network create --subnet 172.30.0.0/24 --gateway 172.30.0.1 --aux-address router=172.30.0.254 mynet
docker run -d --name ng2 --network mynet -p 8080:80 nginx
docker network create --subnet 172.31.0.0/24 othernet
docker run -d --name other --network othernet busybox sleep 86400
docker run -d --name n1 --network none busybox sleep 86400
docker run --name gone busybox true && docker rm gone
ip netns add test01
ip netns add test02
ip link add veth type veth peer name veth001
ip link set veth001 netns test01
ip netns exec test01 ip addr add 172.16.0.111/20 dev veth001
ip netns exec test01 ip link set veth001 up
ip addr add 172.16.0.112/20 dev veth
ip link set veth up
for i in $(seq 1 50); do curl -sf -o /dev/null http://172.30.0.2/ && exit 0; sleep 0.1; done
echo "nginx in ng2 did not answer" >&2
exit 1
`;

/** A crowded sandbox for the topology view: 20 containers on 5 networks, and 5 named namespaces. */
export const CROWDED_STATE_SCRIPT = `
set -e
for n in 1 2 3 4; do docker network create net$n >/dev/null; done
for i in $(seq 1 20); do
  case $((i % 5)) in 0) net=bridge ;; *) net=net$((i % 5)) ;; esac
  docker run -d --name c$i --network $net busybox sleep 86400 >/dev/null
done
docker rm -f c20 >/dev/null && docker run -d --name c20 --network net1 -p 9090:80 nginx >/dev/null
for n in 1 2 3 4 5; do ip netns add ns$n; ip link add v$n type veth peer name v$n-in; ip link set v$n-in netns ns$n; done
`;

/**
 * Two nodes: a swarm (node1 manager, node2 worker), an attachable overlay with a container on each node, a
 * service with a task on each node, a VXLAN device of the learner's own on node1, and a macvlan network on
 * eth0 of each node with a container.
 */
export const SESSION_STATE: Command[] = [
  { node: 'node1', run: 'docker swarm init --advertise-addr 172.16.0.11 >/dev/null' },
  { node: 'node1', run: 'docker swarm join-token -q worker', capture: 'TOKEN' },
  { node: 'node2', run: 'docker swarm join --token "$TOKEN" 172.16.0.11:2377' },
  { node: 'node1', run: 'docker network create -d overlay --attachable ovnet && docker run -d --name c1 --network ovnet busybox sleep 1d' },
  { node: 'node2', run: 'docker run -d --name c2 --network ovnet busybox sleep 1d' },
  {
    node: 'node1',
    run: `docker service create -d --name web --replicas 2 --replicas-max-per-node 1 --endpoint-mode dnsrr --network ovnet busybox sleep 1d >/dev/null
      for i in $(seq 1 60); do [ "$(docker service ps web -f desired-state=running --format '{{.CurrentState}}' | grep -c ^Running)" = 2 ] && exit 0; sleep 0.5; done; exit 1`,
  },
  { node: 'node1', run: 'ip link add vx0 type vxlan id 42 remote 172.16.0.12 dstport 4789 dev eth0 && ip link set vx0 up' },
  { node: 'node1', run: 'docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range 172.16.0.32/28 -o parent=eth0 mv && docker run -d --name m1 --network mv busybox sleep 1d' },
  { node: 'node2', run: 'docker network create -d macvlan --subnet 172.16.0.0/24 --ip-range 172.16.0.48/28 -o parent=eth0 mv && docker run -d --name m2 --network mv busybox sleep 1d' },
];

export async function buildState(backend: SandboxBackend, sandbox: SandboxHandle, script: string): Promise<void> {
  const r = await backend.exec(sandbox, script);
  if (r.code !== 0) throw new Error(`building the state failed:\n${r.output}`);
}

export const buildLabState = (backend: SandboxBackend, sandbox: SandboxHandle) => buildState(backend, sandbox, LAB_STATE_SCRIPT);
