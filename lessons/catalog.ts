// The course's lessons in order. (Each lesson's steps and text arrive with the lesson format; until then the
// catalog names them so that /lessons/<slug> exists for every lesson of the course.)
import type { StepCheck } from '../grader/grader';
import type { Lang } from '../lib/i18n';

export type LessonStep = { id: string; check: StepCheck };
export type LessonEntry = {
  slug: string;
  minutes: number;
  title: Record<Lang, string>;
  summary: Record<Lang, string>;
  /** Graded steps (declared with the lesson format). */
  steps?: LessonStep[];
};

export const LESSONS: LessonEntry[] = [
  {
    slug: 'docker0',
    minutes: 20,
    title: { en: 'docker0, the default bridge', zh: 'docker0：默认网桥' },
    summary: {
      en: 'Run two containers and follow their veth pairs to the docker0 bridge.',
      zh: '运行两个容器，顺着它们的 veth pair 找到 docker0 网桥。',
    },
  },
  {
    slug: 'veth-netns',
    minutes: 25,
    title: { en: 'Network namespaces and veth pairs', zh: '网络命名空间与 veth pair' },
    summary: {
      en: 'Build two namespaces, wire them with veth pairs and a bridge: docker0 by hand.',
      zh: '创建两个命名空间，用 veth pair 和网桥把它们连起来：亲手做一个 docker0。',
    },
  },
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

export function findLesson(slug: string): LessonEntry | undefined {
  return LESSONS.find((l) => l.slug === slug);
}

/** The check of a lesson's step, for the grader. */
export function findStepCheck(lesson: string, step: string): StepCheck | undefined {
  return findLesson(lesson)?.steps?.find((s) => s.id === step)?.check;
}
