// The layers of NetLab, lowest first: a folder may import its own layer and the layers below it, never one
// above (`npm run deps`, a step of the test suite). See README "Layout".
const LAYERS = [
  ['lib'], // leaf helpers: config, i18n, the terminal protocol, procfs, running commands
  ['store', 'sandbox'], // the database; sandboxes, sessions and the pool behind the backend seam
  ['grader'], // snapshots, probes, checks, the map, the grader service
  ['course'], // the lesson engine: format, loading, setup, verification, scaffolding
  ['lessons'], // the course itself: one folder per lesson, and the order
  ['realtime'], // the socket server and its channels: terminal, grader, map
  ['server'], // what wires the parts: runtime, platform, instructor access, class view
  ['app', 'components', 'harness', 'bench', 'scripts', 'tests', 'server\\.ts'], // entry points, pages, tools, tests
];
const folder = (names) => `^(${names.join('|')})(/|$)`;

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `no-upward-from-${layer.join('-')}`,
      comment: `${layer.join(', ')} may not import a higher layer (${LAYERS.slice(i + 1).flat().join(', ')})`,
      severity: 'error',
      from: { path: folder(layer) },
      to: { path: folder(LAYERS.slice(i + 1).flat()) },
    })),
    {
      name: 'tests-are-not-imported',
      comment: 'only tests import tests/: shared tools live in harness/',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
