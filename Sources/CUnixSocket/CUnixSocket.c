#define _GNU_SOURCE
#include "CUnixSocket.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int address(const char *path, struct sockaddr_un *out) {
    memset(out, 0, sizeof *out);
    out->sun_family = AF_UNIX;
    size_t length = strlen(path);
    if (length == 0 || length >= sizeof out->sun_path) return -ENAMETOOLONG;
    memcpy(out->sun_path, path, length);
    return 0;
}

static int fail(int fd) {
    int saved = errno;
    close(fd);
    return -saved;
}

int journey_socket_listen(const char *path, int backlog) {
    struct sockaddr_un where;
    int bad = address(path, &where);
    if (bad) return bad;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    if (bind(fd, (struct sockaddr *)&where, sizeof where) != 0) return fail(fd);
    if (listen(fd, backlog) != 0) return fail(fd);
    return fd;
}

int journey_socket_accept(int listener) {
    int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

int journey_socket_connect(const char *path) {
    struct sockaddr_un where;
    int bad = address(path, &where);
    if (bad) return bad;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    if (connect(fd, (struct sockaddr *)&where, sizeof where) != 0) return fail(fd);
    return fd;
}

int journey_socket_peer(int fd, unsigned *uid, unsigned *gid) {
    struct ucred credentials;
    socklen_t length = sizeof credentials;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) return -errno;
    *uid = credentials.uid;
    *gid = credentials.gid;
    return 0;
}

int journey_socket_peer_in_group(int fd, unsigned group) {
    unsigned uid, gid;
    int bad = journey_socket_peer(fd, &uid, &gid);
    if (bad) return bad;
    if (gid == group) return 1;
    socklen_t length = 64 * sizeof(gid_t);
    gid_t *groups = NULL;
    for (int tries = 0; tries < 3; tries++) {
        gid_t *larger = realloc(groups, length ? length : sizeof(gid_t));
        if (!larger) break;
        groups = larger;
        if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups, &length) == 0) {
            int found = 0;
            for (size_t i = 0; i < length / sizeof(gid_t); i++) found |= groups[i] == group;
            free(groups);
            return found;
        }
        if (errno != ERANGE) break;
    }
    int saved = errno ? errno : ENOMEM;
    free(groups);
    return -saved;
}

long journey_socket_send(int fd, const unsigned char *bytes, long length) {
    ssize_t sent = send(fd, bytes, (size_t)length, MSG_DONTWAIT | MSG_NOSIGNAL);
    return sent < 0 ? -errno : sent;
}
