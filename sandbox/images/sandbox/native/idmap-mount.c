// netlab-idmap-mount SOURCE TARGET USERNS: mounts SOURCE at TARGET, read-only, with its file owners shifted
// by the uid/gid mapping of the user namespace file USERNS (an "idmapped mount"). netlab-init uses it to
// show the shared learner tree, whose files belong to the host's root, as owned by one sandbox's learner
// root. util-linux 2.38's X-mount.idmap needs the new mount API, which Debian 12's libmount is built
// without; these four system calls are all it takes.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/mount.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static int fail(const char *what, const char *path) {
  fprintf(stderr, "netlab-idmap-mount: %s %s: ", what, path);
  perror(NULL);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: netlab-idmap-mount SOURCE TARGET USERNS\n");
    return 2;
  }
  const char *source = argv[1], *target = argv[2], *userns = argv[3];
  int tree = (int)syscall(SYS_open_tree, AT_FDCWD, source, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
  if (tree < 0) return fail("open_tree", source);
  int ns = open(userns, O_RDONLY | O_CLOEXEC);
  if (ns < 0) return fail("open", userns);
  struct mount_attr attr = {
      .attr_set = MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
      .userns_fd = (__u64)ns,
  };
  if (syscall(SYS_mount_setattr, tree, "", AT_EMPTY_PATH, &attr, sizeof attr) < 0) return fail("mount_setattr", source);
  if (syscall(SYS_move_mount, tree, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH) < 0) return fail("move_mount", target);
  return 0;
}
