// Lessons of the course not written yet: named here so that the course page shows the whole path and
// /lessons/<slug> exists for each. A lesson written in lessons/<slug>/ replaces its entry.
import type { Text } from './format';

export type PlannedLesson = { slug: string; minutes: number; title: Text; summary: Text };

export const PLANNED: PlannedLesson[] = [
  {
    slug: 'manual-net',
    minutes: 20,
    title: { en: "A container's network by hand", zh: '手动为容器配置网络' },
    summary: { en: 'Start with --net=none and give the container its network yourself.', zh: '从 --net=none 开始，亲手为容器接上网络。' },
  },
  {
    slug: 'link',
    minutes: 15,
    title: { en: 'Linking containers with --link', zh: '用 --link 连接容器' },
    summary: { en: 'See what --link writes into /etc/hosts and the environment.', zh: '看看 --link 在 /etc/hosts 和环境变量里写了什么。' },
  },
  {
    slug: 'user-networks',
    minutes: 20,
    title: { en: 'User-defined bridge networks', zh: '自定义网桥网络' },
    summary: { en: 'Create your own networks, with names that resolve.', zh: '创建自己的网络，容器名可以直接解析。' },
  },
  {
    slug: 'connect',
    minutes: 15,
    title: { en: 'docker network connect', zh: 'docker network connect' },
    summary: { en: 'Attach a running container to a second network.', zh: '把运行中的容器接入第二个网络。' },
  },
  {
    slug: 'modes',
    minutes: 15,
    title: { en: 'Network modes: bridge, host, none, container', zh: '网络模式：bridge、host、none、container' },
    summary: { en: 'Four ways a container can see the network.', zh: '容器看到网络的四种方式。' },
  },
  {
    slug: 'ports',
    minutes: 20,
    title: { en: 'Publishing ports', zh: '端口映射' },
    summary: { en: '-p and -P, and the NAT rules behind them.', zh: '-p 与 -P，以及背后的 NAT 规则。' },
  },
  {
    slug: 'dns',
    minutes: 15,
    title: { en: 'DNS and service discovery', zh: 'DNS 与服务发现' },
    summary: { en: "Docker's embedded DNS, aliases and resolver flags.", zh: 'Docker 内置 DNS、网络别名和解析参数。' },
  },
];
