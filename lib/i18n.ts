// Text a learner sees, in English and Chinese. The language comes from ?lang=, else the netlab_lang cookie.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
/** Text in every language a learner may read. */
export type Text = Record<Lang, string>;
export const LANG_COOKIE = 'netlab_lang';

export function pickLang(query: string | string[] | undefined, cookie: string | undefined): Lang {
  const q = Array.isArray(query) ? query[0] : query;
  if (q === 'en' || q === 'zh') return q;
  return cookie === 'zh' ? 'zh' : 'en';
}

/**
 * Every text of the site, grouped by area, each in every language. A text's key is its area, a dot and its
 * sub-key: 'terminal.starting', 'instructor.verify.now' (an area's own name may have a dot). {name} marks a
 * value filled in by t(). Client components receive the texts of a few areas, from textsOf().
 */
const MESSAGES = {
  // The header of every page.
  site: {
    tagline: { en: 'Learn Docker networking by doing', zh: '动手学 Docker 网络' },
    description: {
      en: 'Learn Docker networking by doing: lessons beside a real root shell.',
      zh: '动手学 Docker 网络：每一课旁边都有一个真正的 root shell。',
    },
  },
  // The language switch: the name of the other language.
  lang: {
    switch: { en: '中文', zh: 'English' },
  },
  // The course page (the list of lessons).
  catalog: {
    title: { en: 'The course', zh: '课程' },
    intro: {
      en: 'Each lesson puts a real root shell beside the text: a disposable sandbox with its own Docker engine, bridges and network namespaces.',
      zh: '每一课旁边都有一个真正的 root shell：一个用完即弃的沙箱，拥有自己的 Docker 引擎、网桥和网络命名空间。',
    },
    minutes: { en: '{n} min', zh: '{n} 分钟' },
    progress: { en: '{passed}/{total} steps', zh: '{passed}/{total} 步' },
    done: { en: 'Done', zh: '已完成' },
    inClass: {
      en: 'You are in the class {class} as {name}: its instructor sees your progress.',
      zh: '你以 {name} 的身份加入了班级 {class}：教师可以看到你的进度。',
    },
  },
  // A lesson page: its tabs, progress and prerequisites.
  lesson: {
    'tab.text': { en: 'Lesson', zh: '课程' },
    'tab.terminal': { en: 'Terminal', zh: '终端' },
    progress: { en: '{passed} of {total} steps · {points} points', zh: '已完成 {passed}/{total} 步 · {points} 分' },
    buildsOn: { en: 'Builds on: {list}', zh: '前置课程：{list}' },
  },
  // The terminal panel; error.* are the terminal's ErrorCode values, notice.* its NoticeCode values.
  terminal: {
    title: { en: 'root shell', zh: 'root 终端' },
    starting: { en: 'Starting your sandbox…', zh: '正在启动你的沙箱…' },
    queued: {
      en: 'All sandboxes are busy. You are queued: number {n} in line. Your sandbox will start by itself.',
      zh: '所有沙箱都在使用中，你正在排队：前面还有 {n} 位。轮到你时沙箱会自动启动。',
    },
    retry: { en: 'Retry', zh: '重试' },
    fresh: { en: 'Start a fresh sandbox', zh: '换一个新的沙箱' },
    'engine-down': {
      en: 'The engine that runs the sandboxes is restarting. Your terminal comes back by itself when it is up…',
      zh: '运行沙箱的引擎正在重启。引擎恢复后，终端会自动重新连接…',
    },
    reset: { en: 'Start over', zh: '重新开始' },
    nodes: { en: 'Nodes', zh: '节点' },
    'reset.confirm': {
      en: 'Start over with a fresh sandbox? Everything in the current one is lost.',
      zh: '要换一个全新的沙箱重新开始吗？当前沙箱里的一切都会丢失。',
    },
    'error.no-learner': {
      en: 'Your browser did not send the NetLab cookie. Allow cookies for this site and reload.',
      zh: '浏览器没有发送 NetLab 的 cookie。请允许本站使用 cookie 后刷新页面。',
    },
    'error.foreign-origin': { en: 'This terminal can only be opened from the NetLab site itself.', zh: '只能从 NetLab 网站本身打开这个终端。' },
    'error.start-failed': {
      en: 'Your sandbox could not be started. The sandbox engine may be unavailable.',
      zh: '无法启动你的沙箱，沙箱引擎可能暂时不可用。',
    },
    'error.disconnected': { en: 'The connection to your sandbox was lost.', zh: '与沙箱的连接已断开。' },
    'error.ended-idle': { en: 'Your sandbox was stopped after a long time without activity.', zh: '你的沙箱长时间没有活动，已被停止。' },
    'error.ended-lifetime': { en: 'Your sandbox reached its maximum lifetime and was stopped.', zh: '你的沙箱已到最长使用时间，已被停止。' },
    'error.ended-gone': {
      en: 'Your sandbox stopped: it was removed from outside, or its engine died. Your progress is kept.',
      zh: '你的沙箱停止了：它被外部删除，或者它的引擎崩溃了。你的学习进度会保留。',
    },
    'error.ended-shutdown': { en: 'The NetLab server is restarting.', zh: 'NetLab 服务器正在重启。' },
    'error.bad-request': { en: 'The terminal sent a request the server did not understand.', zh: '终端发送了服务器无法理解的请求。' },
    'error.offline': { en: 'Cannot reach the NetLab server. Trying again…', zh: '无法连接 NetLab 服务器，正在重试…' },
    'notice.input-overflow': {
      en: 'That paste is too large for the terminal; part of it was not sent.',
      zh: '粘贴的内容太大，有一部分没有发送到终端。',
    },
    'notice.sandbox-replaced': {
      en: 'Your sandbox had stopped, so this is a fresh one (the lesson’s setup ran again). Your progress is kept.',
      zh: '你的沙箱已经停止，这是一个新的沙箱（课程的准备命令已重新运行）。你的学习进度会保留。',
    },
    'notice.sandbox-kept': {
      en: 'The engine is back, and your sandbox kept running: nothing was lost.',
      zh: '引擎已恢复，你的沙箱一直在运行，没有丢失任何内容。',
    },
  },
  // A lesson's steps; status.* are the StepStatus values.
  step: {
    check: { en: 'Check', zh: '检查' },
    checking: { en: 'Checking…', zh: '检查中…' },
    'status.pending': { en: 'To do', zh: '待完成' },
    'status.passed': { en: 'Passed', zh: '已通过' },
    'status.failed': { en: 'Not yet', zh: '未通过' },
    points: { en: '{n} pts', zh: '{n} 分' },
    showHint: { en: 'Show a hint', zh: '显示提示' },
    hint: { en: 'Hint', zh: '提示' },
    solution: { en: 'Show the solution', zh: '查看答案' },
    'solution.sure': {
      en: 'Sure? Working it out is the point of a challenge, and each check lists what already holds. Ask once more to see the solution.',
      zh: '确定吗？挑战的意义就在于自己想出来，而且每次检查都会列出哪些要求已经满足。再点一次即可查看答案。',
    },
    'solution.again': { en: 'Show it anyway', zh: '仍然查看答案' },
  },
  // Runnable code blocks in a lesson.
  code: {
    run: { en: 'Run', zh: '运行' },
    copy: { en: 'Copy', zh: '复制' },
    copied: { en: 'Copied', zh: '已复制' },
  },
  // Quiz answers in a step.
  quiz: {
    placeholder: { en: 'Your answer', zh: '你的答案' },
    submit: { en: 'Answer', zh: '提交' },
  },
  // The network map; kind.* are the map's NodeKind values.
  topology: {
    title: { en: 'Network map', zh: '网络拓扑' },
    waiting: { en: 'The map appears when your sandbox is ready.', zh: '沙箱就绪后，这里会显示网络拓扑。' },
    'kind.host': { en: 'host', zh: '主机' },
    'kind.bridge': { en: 'bridge', zh: '网桥' },
    'kind.veth': { en: 'veth', zh: 'veth' },
    'kind.vxlan': { en: 'vxlan', zh: 'vxlan' },
    'kind.container': { en: 'container', zh: '容器' },
    'kind.netns': { en: 'netns', zh: '命名空间' },
    'kind.network': { en: 'network', zh: '网络' },
    'kind.port': { en: 'port', zh: '端口' },
  },
  // The 404 page.
  notfound: {
    title: { en: 'No such page', zh: '页面不存在' },
    body: { en: 'There is no lesson at this address.', zh: '这个地址上没有课程。' },
    back: { en: 'Back to the course', zh: '返回课程' },
  },
  // Development: a lesson's authoring errors.
  authoring: {
    title: { en: 'This lesson has authoring errors', zh: '这一课有编写错误' },
    hint: {
      en: 'Fix the file and save it: this page updates by itself, and the terminal keeps running. Only development mode shows this panel; the rest of the course keeps working.',
      zh: '修改文件并保存：页面会自动更新，终端继续运行。只有开发模式会显示这个面板；课程的其余部分照常可用。',
    },
    'left-out': {
      en: 'Development: these lessons are left out of the course until their errors are fixed',
      zh: '开发模式：以下课程有错误，修好之前不会出现在课程中',
    },
  },
  // The instructor area: its navigation.
  instructor: {
    title: { en: 'Instructor', zh: '教师' },
    signOut: { en: 'Sign out', zh: '退出登录' },
    signedInAs: { en: 'Signed in as {name}', zh: '已登录：{name}' },
  },
  // The operator's status page (/instructor/status).
  'instructor.status': {
    link: { en: 'Server status', zh: '服务器状态' },
    title: { en: 'Server status', zh: '服务器状态' },
    intro: {
      en: 'Updated every few seconds. A class needs one sandbox per learner: check the room below before it starts.',
      zh: '每隔几秒自动刷新。每位学员需要一个沙箱：上课前请先看看下面的余量。',
    },
    sandboxes: { en: 'Sandboxes', zh: '沙箱' },
    running: { en: '{running} running of at most {max}: {assigned} with learners, {warm} warm, {starting} starting', zh: '运行中 {running} 个（上限 {max}）：学员使用 {assigned} 个，预热 {warm} 个，启动中 {starting} 个' },
    queued: { en: '{n} learners queued', zh: '{n} 位学员在排队' },
    room: {
      en: 'Room for {n} more learners (the maximum allows {max}, free memory {memory}, at {perSandbox} MiB each).',
      zh: '还能容纳 {n} 位学员（上限允许 {max} 位，空闲内存可容纳 {memory} 位，每个沙箱 {perSandbox} MiB）。',
    },
    host: { en: 'Host', zh: '主机' },
    memory: { en: 'Memory: {available} MiB available of {total} MiB', zh: '内存：可用 {available} MiB，共 {total} MiB' },
    cpu: { en: 'CPU: load {load} on {cpus} cores', zh: 'CPU：负载 {load}，共 {cpus} 核' },
    engine: { en: 'Sandbox engine', zh: '沙箱引擎' },
    engineUp: { en: 'reachable at {host}', zh: '可访问：{host}' },
    engineDown: { en: 'NOT reachable at {host}: learners cannot start sandboxes', zh: '无法访问 {host}：学员无法启动沙箱' },
    server: { en: 'NetLab server', zh: 'NetLab 服务器' },
    process: { en: 'Memory {rss} MiB, event loop lag (p99) {lag} ms, up {uptime} s', zh: '内存 {rss} MiB，事件循环延迟（p99）{lag} ms，已运行 {uptime} 秒' },
    errors: { en: 'Recent errors', zh: '最近的错误' },
    noErrors: { en: 'None.', zh: '没有。' },
  },
  // The instructor sign-in page.
  'instructor.signIn': {
    title: { en: 'Instructor sign-in', zh: '教师登录' },
    intro: {
      en: 'For instructors: follow your classes and verify the course. Learners need no account.',
      zh: '教师专用：查看班级学习情况、验证课程。学员不需要账户。',
    },
    name: { en: 'Name', zh: '用户名' },
    password: { en: 'Password', zh: '密码' },
    submit: { en: 'Sign in', zh: '登录' },
    failed: { en: 'Wrong name or password.', zh: '用户名或密码错误。' },
    throttled: {
      en: 'Too many failed sign-ins for this name. Wait 15 minutes, then try again.',
      zh: '这个用户名登录失败次数过多，请等 15 分钟后再试。',
    },
    accounts: {
      en: 'Accounts are created by the operator of this NetLab: npm run instructor -- add <name>',
      zh: '账户由这个 NetLab 的管理员创建：npm run instructor -- add <用户名>',
    },
  },
  // The instructor's course page: each lesson's last verification.
  'instructor.course': {
    title: { en: 'The course', zh: '课程' },
    intro: {
      en: 'Each verification runs the lesson in a fresh sandbox: every check must fail there, right after the setup, then fail before its solution and pass after it.',
      zh: '每次验证都会在全新的沙箱里运行这一课：每个检查在刚完成初始化的沙箱里必须失败，然后在执行参考答案之前必须失败，之后必须通过。',
    },
    steps: { en: '{n} steps', zh: '{n} 个步骤' },
    last: { en: 'Last verification', zh: '最近一次验证' },
    never: { en: 'never verified', zh: '从未验证' },
    ok: { en: 'passed', zh: '通过' },
    failed: { en: 'failed', zh: '失败' },
    changed: { en: 'lesson changed since', zh: '之后课程有改动' },
  },
  // Verifying a lesson from the course page (and its API).
  'instructor.verify': {
    now: { en: 'Verify now', zh: '立即验证' },
    running: { en: 'Verifying…', zh: '验证中…' },
    step: { en: 'Step', zh: '步骤' },
    fresh: { en: 'In the fresh sandbox', zh: '全新沙箱中' },
    before: { en: 'Before the solution', zh: '执行答案之前' },
    after: { en: 'After the solution', zh: '执行答案之后' },
    ms: { en: 'ms', zh: '毫秒' },
    result: { en: 'Result', zh: '结果' },
    'done.ok': { en: 'All steps verified in {s} s.', zh: '所有步骤验证通过，用时 {s} 秒。' },
    'done.failed': { en: 'Some steps failed (see the table), {s} s.', zh: '有步骤未通过（见表格），用时 {s} 秒。' },
    seconds: { en: '{s} s', zh: '{s} 秒' },
    http: { en: 'The server answered HTTP {status}.', zh: '服务器返回了 HTTP {status}。' },
    noLesson: { en: 'There is no lesson {slug}.', zh: '没有课程 {slug}。' },
    busy: { en: 'Lesson {slug} is being verified; try again when it is done.', zh: '正在验证课程 {slug}，请等它完成后再试。' },
    cannotRun: { en: '{message}', zh: '验证无法运行：{message}' },
  },
  // The instructor's classes, on the course page.
  'instructor.classes': {
    title: { en: 'Classes', zh: '班级' },
    none: { en: 'No classes yet. Create one and share its join link with your learners.', zh: '还没有班级。创建一个，把加入链接发给学员。' },
    new: { en: 'New class', zh: '新建班级' },
    name: { en: 'Class name', zh: '班级名称' },
    create: { en: 'Create', zh: '创建' },
    nameError: { en: 'Give the class a name (at most 80 characters).', zh: '请给班级起个名字（最多 80 个字符）。' },
    members: { en: '{n} learners', zh: '{n} 名学员' },
  },
  // The class view: learners × steps.
  class: {
    title: { en: 'Class', zh: '班级' },
    joinLink: { en: 'Join link', zh: '加入链接' },
    'joinLink.hint': { en: 'Learners who open this link and give their name appear below.', zh: '学员打开这个链接并填写名字后，会出现在下面的表格中。' },
    copy: { en: 'Copy', zh: '复制' },
    copied: { en: 'Copied', zh: '已复制' },
    allLessons: { en: 'All lessons', zh: '全部课程' },
    filter: { en: 'Lesson', zh: '课程' },
    csv: { en: 'Download CSV', zh: '下载 CSV' },
    learner: { en: 'Learner', zh: '学员' },
    empty: { en: 'No one has joined yet. Share the join link.', zh: '还没有人加入。请分享加入链接。' },
    passed: { en: 'passed', zh: '已通过' },
    failed: { en: '{n} failed', zh: '失败 {n} 次' },
    solution: { en: 'solution opened', zh: '看过答案' },
    untried: { en: 'not tried', zh: '未尝试' },
    total: { en: 'Steps · points', zh: '步骤 · 分数' },
    live: { en: 'Updates by itself every few seconds.', zh: '每隔几秒自动更新。' },
    back: { en: 'All classes', zh: '所有班级' },
  },
  // One learner's history, for the instructor.
  history: {
    pageTitle: { en: 'Learner history', zh: '学员记录' },
    title: { en: 'History of {name}', zh: '{name} 的记录' },
    intro: { en: 'Every check and answer, and every solution opened, oldest first.', zh: '每次检查和作答、每次查看答案，按时间先后排列。' },
    time: { en: 'Time', zh: '时间' },
    lesson: { en: 'Lesson', zh: '课程' },
    step: { en: 'Step', zh: '步骤' },
    result: { en: 'Result', zh: '结果' },
    message: { en: 'What they saw', zh: '看到的提示' },
    auto: { en: 'checked after a command', zh: '命令结束后自动检查' },
    asked: { en: 'asked', zh: '主动检查' },
    solution: { en: 'opened the solution', zh: '查看了答案' },
    empty: { en: 'Nothing yet.', zh: '还没有记录。' },
    back: { en: 'Back to the class', zh: '返回班级' },
  },
  // A class's join page, for the learner.
  join: {
    pageTitle: { en: 'Join a class', zh: '加入班级' },
    title: { en: 'Join {class}', zh: '加入 {class}' },
    name: { en: 'Your name, as your instructor will see it', zh: '你的名字（教师会看到）' },
    submit: { en: 'Join the class', zh: '加入班级' },
    joined: {
      en: 'You are in {class} as {name}. Your progress in every lesson is shared with its instructor.',
      zh: '你已以 {name} 的身份加入 {class}。你在每一课的进度都会同步给教师。',
    },
    start: { en: 'Start the course', zh: '开始学习' },
    rename: { en: 'Change your name', zh: '修改名字' },
    noClass: { en: 'No class has this join link. Ask your instructor for the link again.', zh: '没有班级使用这个加入链接，请向教师重新索取。' },
    nameError: { en: 'Give a name of 1 to 40 characters.', zh: '名字需要 1 到 40 个字符。' },
    cookieError: {
      en: 'Your browser did not send the NetLab cookie. Allow cookies for this site and try again.',
      zh: '浏览器没有发送 NetLab 的 cookie。请允许本网站使用 cookie 后重试。',
    },
  },

} as const satisfies Record<string, Record<string, Text>>;
// Nothing above runs code, so a client component that imports fillTemplate (or a type) does not bundle the table.

type Messages = typeof MESSAGES;
/** A group of texts: 'terminal', 'step', 'instructor.verify'… */
export type Area = keyof Messages;
/** The keys of the areas A, e.g. AreaKey<'code'> = 'code.run' | 'code.copy' | 'code.copied'. */
export type AreaKey<A extends Area> = A extends Area ? `${A}.${Extract<keyof Messages[A], string>}` : never;
/** The key of any text. */
export type MessageKey = AreaKey<Area>;
/** The texts of the areas A in one language, by key: what a page hands its client components. */
export type AreaTexts<A extends Area> = { readonly [K in AreaKey<A>]: string };

let byKey: ReadonlyMap<string, Text> | undefined;
/** Every text by its key (made on first use). */
function entries(): ReadonlyMap<string, Text> {
  if (byKey) return byKey;
  const all = new Map<string, Text>();
  for (const [area, texts] of Object.entries(MESSAGES)) {
    for (const [sub, text] of Object.entries(texts as Record<string, Text>)) {
      const key = `${area}.${sub}`;
      // Possible with an area's dotted name: 'instructor' + 'verify.now' and 'instructor.verify' + 'now'.
      if (all.has(key)) throw new Error(`lib/i18n.ts: two texts have the key ${key}`);
      all.set(key, text);
    }
  }
  return (byKey = all);
}

/** Every key, in the table's order. */
export function messageKeys(): MessageKey[] {
  return [...entries().keys()] as MessageKey[];
}

/** Fills {name} placeholders; one without a value is left as it is. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(entries().get(key)![lang], params);
}

/** A text in every language, filled in: for an API answer the browser shows in its own language. */
export function textOf(key: MessageKey, params: Record<string, string | number> = {}): Text {
  return { en: t('en', key, params), zh: t('zh', key, params) };
}

/** The texts of whole areas in one language, e.g. textsOf(lang, ['terminal', 'step']), for client components. */
export function textsOf<A extends Area>(lang: Lang, areas: readonly A[]): AreaTexts<A> {
  const texts: Record<string, string> = {};
  for (const area of areas) {
    for (const [sub, text] of Object.entries(MESSAGES[area] as Record<string, Text>)) texts[`${area}.${sub}`] = text[lang];
  }
  return texts as AreaTexts<A>;
}
