// netlab-peek PID COMMAND …: the grader's way to the files, sockets and named network namespaces of the
// sandbox whose learner init has host pid PID. Every path is resolved inside that sandbox's own mount
// namespace, so a symbolic link (or a path swapped for one mid-read) can only lead elsewhere in the
// sandbox, never to the host or another sandbox. Nothing from the sandbox is ever executed.
//
//   read PATH…          each regular file (first MiB): "<bytes>\n" then the bytes, or "-<errno>\n"
//   namespaces DIR      each entry of DIR (/run/netns, Docker's /run/docker/netns): "<inode> <name>\0"
//                       for a network namespace, or "-<errno> <name>\0" for an entry that is not one
//   connect SOCKET      relays file descriptor 3 to and from the unix socket SOCKET
//   netns PATH CMD…     runs the HOST's CMD in the network namespace at PATH (e.g. /run/netns/NAME)
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/nsfs.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_FILE (1024 * 1024)

static _Noreturn void die(const char *what, const char *detail) {
  fprintf(stderr, "netlab-peek: %s%s%s: %s\n", what, detail ? " " : "", detail ? detail : "", strerror(errno));
  exit(1);
}

/** The host's mount namespace, kept to come back to (netns). */
static int host_mounts = -1;

/** Moves this process into the sandbox's mount namespace: "/" is now the learner's root. */
static void enter_mounts(const char *pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%s/ns/mnt", pid);
  int ns = open(path, O_RDONLY | O_CLOEXEC);
  if (ns < 0) die("open", path);
  host_mounts = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  if (host_mounts < 0) die("open", "/proc/self/ns/mnt");
  if (setns(ns, CLONE_NEWNS) < 0) die("setns", path);
  close(ns);
}

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) exit(1);
    buf += n;
    len -= (size_t)n;
  }
}

static int read_files(int count, char **paths) {
  static char buf[MAX_FILE];
  for (int i = 0; i < count; i++) {
    // O_NONBLOCK: a FIFO must not hang the grader; only a regular file is read.
    int fd = open(paths[i], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
      close(fd);
      fd = -1;
      errno = EINVAL;
    }
    size_t got = 0;
    while (fd >= 0 && got < sizeof buf) {
      ssize_t n = read(fd, buf + got, sizeof buf - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += (size_t)n;
    }
    char head[32];
    int len = fd >= 0 ? snprintf(head, sizeof head, "%zu\n", got) : snprintf(head, sizeof head, "-%d\n", errno);
    write_all(1, head, (size_t)len);
    if (fd >= 0) {
      write_all(1, buf, got);
      close(fd);
    }
  }
  return 0;
}

/** Opens a network namespace file (following the learner's symbolic links, which stay inside the sandbox). */
static int open_netns(const char *path, int *error) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *error = errno;
    return -1;
  }
  if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
    close(fd);
    *error = EINVAL;
    return -1;
  }
  return fd;
}

static int list_namespaces(const char *dirname) {
  DIR *dir = opendir(dirname);
  if (!dir && errno == ENOENT) return 0; // none yet
  if (!dir) die("opendir", dirname);
  for (struct dirent *e; (e = readdir(dir));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dirname, e->d_name);
    int error = 0;
    int fd = open_netns(path, &error);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) < 0) error = errno;
    if (fd >= 0) close(fd);
    if (error) printf("-%d %s%c", error, e->d_name, 0);
    else printf("%lu %s%c", (unsigned long)st.st_ino, e->d_name, 0);
  }
  closedir(dir);
  return 0;
}

static int run_in_netns(const char *path, char **command) {
  int error = 0;
  int fd = open_netns(path, &error);
  if (fd < 0) {
    errno = error;
    die("network namespace", path);
  }
  // Back to the host's files before anything is executed: the command is the host's own.
  if (setns(host_mounts, CLONE_NEWNS) < 0) die("setns", "host mounts");
  if (setns(fd, CLONE_NEWNET) < 0) die("setns", path);
  execvp(command[0], command);
  die("exec", command[0]);
}

static int relay(const char *socket_path) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(socket_path) >= sizeof addr.sun_path) {
    errno = ENAMETOOLONG;
    die("socket", socket_path);
  }
  strcpy(addr.sun_path, socket_path);
  int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (sock < 0 || connect(sock, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect", socket_path);
  // Connected: nothing left that needs the host's root.
  if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0) die("drop privileges", NULL);
  struct pollfd fds[2] = {{.fd = 3, .events = POLLIN}, {.fd = sock, .events = POLLIN}};
  static char buf[65536];
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return 1;
    }
    for (int i = 0; i < 2; i++) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (i == 1) return 0;    // the engine closed: done
        shutdown(sock, SHUT_WR); // the grader is done sending; read the rest
        fds[0].fd = -1;
        continue;
      }
      write_all(i == 0 ? sock : 3, buf, (size_t)n);
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 3 || strspn(argv[1], "0123456789") != strlen(argv[1])) {
    fprintf(stderr, "usage: netlab-peek PID read PATH… | namespaces DIR | connect SOCKET | netns PATH CMD…\n");
    return 2;
  }
  enter_mounts(argv[1]);
  const char *command = argv[2];
  if (!strcmp(command, "read")) return read_files(argc - 3, argv + 3);
  if (!strcmp(command, "namespaces") && argc == 4) return list_namespaces(argv[3]);
  if (!strcmp(command, "connect") && argc == 4) return relay(argv[3]);
  if (!strcmp(command, "netns") && argc >= 5) return run_in_netns(argv[3], argv + 4);
  fprintf(stderr, "netlab-peek: unknown command %s\n", command);
  return 2;
}
