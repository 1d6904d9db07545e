// The sandbox's seccomp profile: every system call allowed but a few that nothing in a sandbox needs and
// that widen what a learner can reach in the host's kernel. Docker's default profile would refuse much of
// what a learner's own engine does (mounts, namespaces), so this one lists only what to refuse.
const REFUSED = [
  // The kernel interfaces behind many local privilege escalations, none used by Docker, iproute2 or the lessons.
  'io_uring_setup',
  'io_uring_enter',
  'io_uring_register',
  'bpf',
  'userfaultfd',
  'perf_event_open',
  'fanotify_init',
  'modify_ldt',
  'uselib',
  // What only the host's administrator does: the host's capability checks refuse them too.
  'kexec_load',
  'kexec_file_load',
  'init_module',
  'finit_module',
  'delete_module',
  'reboot',
  'swapon',
  'swapoff',
  'acct',
  'quotactl',
];

// Kernel keyrings are kept per uid and could outlive a sandbox whose uid range a later one reuses. runc
// takes ENOSYS (no keyrings in this kernel) in its stride, and nothing else in a sandbox uses them.
const ABSENT = ['keyctl', 'add_key', 'request_key'];

const EPERM = 1;
const ENOSYS = 38;

export const SANDBOX_SECCOMP_PROFILE = JSON.stringify({
  defaultAction: 'SCMP_ACT_ALLOW',
  // 32-bit calls on a 64-bit host are filtered by the same names.
  archMap: [
    { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] },
    { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] },
  ],
  syscalls: [
    { names: REFUSED, action: 'SCMP_ACT_ERRNO', errnoRet: EPERM },
    { names: ABSENT, action: 'SCMP_ACT_ERRNO', errnoRet: ENOSYS },
  ],
});
