// syscalls: tries the kernel interfaces a sandbox's seccomp profile refuses and prints, for each, "NAME: ok"
// or "NAME: <error>". The escape tests run it in a sandbox (each must be refused) and on the host (each must
// work there, so the refusals are the profile's doing).
#define _GNU_SOURCE
#include <errno.h>
#include <linux/bpf.h>
#include <linux/io_uring.h>
#include <linux/keyctl.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void report(const char *name, long result) {
  printf("%s: %s\n", name, result >= 0 ? "ok" : strerror(errno));
}

int main(void) {
  struct io_uring_params params;
  memset(&params, 0, sizeof params);
  report("io_uring_setup", syscall(SYS_io_uring_setup, 1, &params));

  report("keyctl", syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_USER_KEYRING, 0));

  union bpf_attr map;
  memset(&map, 0, sizeof map);
  map.map_type = BPF_MAP_TYPE_ARRAY;
  map.key_size = 4;
  map.value_size = 4;
  map.max_entries = 1;
  report("bpf", syscall(SYS_bpf, BPF_MAP_CREATE, &map, sizeof map));

  report("userfaultfd", syscall(SYS_userfaultfd, 0));

  struct perf_event_attr event;
  memset(&event, 0, sizeof event);
  event.size = sizeof event;
  event.type = PERF_TYPE_SOFTWARE;
  event.config = PERF_COUNT_SW_CPU_CLOCK;
  event.exclude_kernel = 1;
  report("perf_event_open", syscall(SYS_perf_event_open, &event, 0, -1, -1, 0));
  return 0;
}
