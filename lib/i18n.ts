// Text a learner sees, in English and Chinese. The language comes from ?lang=, else the netlab_lang cookie.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_COOKIE = 'netlab_lang';

export function pickLang(query: string | string[] | undefined, cookie: string | undefined): Lang {
  const q = Array.isArray(query) ? query[0] : query;
  if (q === 'en' || q === 'zh') return q;
  return cookie === 'zh' ? 'zh' : 'en';
}

const en = {
  'site.tagline': 'Learn Docker networking by doing',
  'catalog.title': 'The course',
  'catalog.intro':
    'Each lesson puts a real root shell beside the text: a disposable sandbox with its own Docker engine, bridges and network namespaces.',
  'catalog.minutes': '{n} min',
  'lesson.placeholder.title': 'Lesson text',
  'lesson.placeholder.body':
    'The lesson text will appear here. Meanwhile the terminal on the right is a real root shell in your own sandbox: try `docker run -d --name ng1 nginx`, then `ip addr`.',
  'terminal.starting': 'Starting your sandbox…',
  'terminal.queued': 'All sandboxes are busy. You are queued: number {n} in line. Your sandbox will start by itself.',
  'terminal.retry': 'Retry',
  'terminal.reset': 'Start over',
  'terminal.reset.confirm': 'Start over with a fresh sandbox? Everything in the current one is lost.',
  'terminal.error.no-learner': 'Your browser did not send the NetLab cookie. Allow cookies for this site and reload.',
  'terminal.error.foreign-origin': 'This terminal can only be opened from the NetLab site itself.',
  'terminal.error.start-failed': 'Your sandbox could not be started. The sandbox engine may be unavailable.',
  'terminal.error.disconnected': 'The connection to your sandbox was lost.',
  'terminal.error.ended-idle': 'Your sandbox was stopped after a long time without activity.',
  'terminal.error.ended-lifetime': 'Your sandbox reached its maximum lifetime and was stopped.',
  'terminal.error.ended-gone': 'Your sandbox stopped unexpectedly.',
  'terminal.error.ended-shutdown': 'The NetLab server is restarting.',
  'terminal.error.bad-request': 'The terminal sent a request the server did not understand.',
  'terminal.error.offline': 'Cannot reach the NetLab server. Trying again…',
  'terminal.notice.input-overflow': 'That paste is too large for the terminal; part of it was not sent.',
  'lesson.tab.text': 'Lesson',
  'lesson.tab.terminal': 'Terminal',
  'lesson.progress': '{passed} of {total} steps · {points} points',
  'lesson.buildsOn': 'Builds on: {list}',
  'step.check': 'Check',
  'step.checking': 'Checking…',
  'step.status.pending': 'To do',
  'step.status.passed': 'Passed',
  'step.status.failed': 'Not yet',
  'step.showHint': 'Show a hint',
  'step.hint': 'Hint',
  'step.solution': 'Show the solution',
  'code.run': 'Run',
  'code.copy': 'Copy',
  'code.copied': 'Copied',
  'quiz.placeholder': 'Your answer',
  'quiz.submit': 'Answer',
  'catalog.progress': '{passed}/{total} steps',
  'catalog.done': 'Done',
  'topology.title': 'Network map',
  'topology.waiting': 'The map appears when your sandbox is ready.',
  'topology.kind.host': 'host',
  'topology.kind.bridge': 'bridge',
  'topology.kind.veth': 'veth',
  'topology.kind.container': 'container',
  'topology.kind.netns': 'netns',
  'topology.kind.network': 'network',
  'topology.kind.port': 'port',
  'notfound.title': 'No such page',
  'notfound.body': 'There is no lesson at this address.',
  'notfound.back': 'Back to the course',
  'lang.switch': '中文',
  'authoring.title': 'This lesson has authoring errors',
  'authoring.hint': 'Fix the file and save it: this page updates by itself, and the terminal keeps running. Only development mode shows this panel; the rest of the course keeps working.',
  'authoring.left-out': 'Development: these lessons are left out of the course until their errors are fixed',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'site.tagline': '动手学 Docker 网络',
  'catalog.title': '课程',
  'catalog.intro': '每一课旁边都有一个真正的 root shell：一个用完即弃的沙箱，拥有自己的 Docker 引擎、网桥和网络命名空间。',
  'catalog.minutes': '{n} 分钟',
  'lesson.placeholder.title': '课程内容',
  'lesson.placeholder.body':
    '课程正文将显示在这里。右边的终端是你自己沙箱里真正的 root shell：试试 `docker run -d --name ng1 nginx`，再运行 `ip addr`。',
  'terminal.starting': '正在启动你的沙箱…',
  'terminal.queued': '所有沙箱都在使用中，你正在排队：前面还有 {n} 位。轮到你时沙箱会自动启动。',
  'terminal.retry': '重试',
  'terminal.reset': '重新开始',
  'terminal.reset.confirm': '要换一个全新的沙箱重新开始吗？当前沙箱里的一切都会丢失。',
  'terminal.error.no-learner': '浏览器没有发送 NetLab 的 cookie。请允许本站使用 cookie 后刷新页面。',
  'terminal.error.foreign-origin': '只能从 NetLab 网站本身打开这个终端。',
  'terminal.error.start-failed': '无法启动你的沙箱，沙箱引擎可能暂时不可用。',
  'terminal.error.disconnected': '与沙箱的连接已断开。',
  'terminal.error.ended-idle': '你的沙箱长时间没有活动，已被停止。',
  'terminal.error.ended-lifetime': '你的沙箱已到最长使用时间，已被停止。',
  'terminal.error.ended-gone': '你的沙箱意外停止了。',
  'terminal.error.ended-shutdown': 'NetLab 服务器正在重启。',
  'terminal.error.bad-request': '终端发送了服务器无法理解的请求。',
  'terminal.error.offline': '无法连接 NetLab 服务器，正在重试…',
  'terminal.notice.input-overflow': '粘贴的内容太大，有一部分没有发送到终端。',
  'lesson.tab.text': '课程',
  'lesson.tab.terminal': '终端',
  'lesson.progress': '已完成 {passed}/{total} 步 · {points} 分',
  'lesson.buildsOn': '前置课程：{list}',
  'step.check': '检查',
  'step.checking': '检查中…',
  'step.status.pending': '待完成',
  'step.status.passed': '已通过',
  'step.status.failed': '未通过',
  'step.showHint': '显示提示',
  'step.hint': '提示',
  'step.solution': '查看答案',
  'code.run': '运行',
  'code.copy': '复制',
  'code.copied': '已复制',
  'quiz.placeholder': '你的答案',
  'quiz.submit': '提交',
  'catalog.progress': '{passed}/{total} 步',
  'catalog.done': '已完成',
  'topology.title': '网络拓扑',
  'topology.waiting': '沙箱就绪后，这里会显示网络拓扑。',
  'topology.kind.host': '主机',
  'topology.kind.bridge': '网桥',
  'topology.kind.veth': 'veth',
  'topology.kind.container': '容器',
  'topology.kind.netns': '命名空间',
  'topology.kind.network': '网络',
  'topology.kind.port': '端口',
  'notfound.title': '页面不存在',
  'notfound.body': '这个地址上没有课程。',
  'notfound.back': '返回课程',
  'lang.switch': 'English',
  'authoring.title': '这一课有编写错误',
  'authoring.hint': '修改文件并保存：页面会自动更新，终端继续运行。只有开发模式会显示这个面板；课程的其余部分照常可用。',
  'authoring.left-out': '开发模式：以下课程有错误，修好之前不会出现在课程中',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** Fills {name} placeholders; one without a value is left as it is. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][key], params);
}
