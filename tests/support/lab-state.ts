// A known network state built in a sandbox by commands, used by the grader's integration test, the fixture
// capture script and the snapshot benchmark: 5 containers (default bridge, a user network with a subnet and
// a published port, a --link, none mode, a second user network) and 2 named namespaces with a veth pair.
import type { SandboxBackend, SandboxHandle } from '../../sandbox/backend';

export const LAB_STATE_SCRIPT = `
set -e
docker run -d --name ng1 nginx
docker run -d --name web --link ng1:db -e GREETING=hello busybox sleep 86400
docker network create --subnet 172.30.0.0/24 --gateway 172.30.0.1 mynet
docker run -d --name ng2 --network mynet -p 8080:80 nginx
docker network create --subnet 172.31.0.0/24 othernet
docker run -d --name other --network othernet busybox sleep 86400
docker run -d --name n1 --network none busybox sleep 86400
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

export async function buildState(backend: SandboxBackend, sandbox: SandboxHandle, script: string): Promise<void> {
  const r = await backend.exec(sandbox, script);
  if (r.code !== 0) throw new Error(`building the state failed:\n${r.output}`);
}

export const buildLabState = (backend: SandboxBackend, sandbox: SandboxHandle) => buildState(backend, sandbox, LAB_STATE_SCRIPT);
