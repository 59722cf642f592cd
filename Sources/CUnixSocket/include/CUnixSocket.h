#ifndef C_UNIX_SOCKET_H
#define C_UNIX_SOCKET_H

// Local (AF_UNIX) stream sockets for following a presentation: sockaddr_un and SO_PEERCRED are awkward
// from Swift. Every descriptor is non-blocking and closed on exec. Failures return -errno.

/// Binds a new socket to `path` (which must not exist) and listens; the descriptor, or -errno.
int journey_socket_listen(const char *path, int backlog);

/// Accepts a waiting connection; the descriptor, or -errno (-EAGAIN when none waits).
int journey_socket_accept(int listener);

/// Connects to the socket at `path`; the descriptor, or -errno.
int journey_socket_connect(const char *path);

/// The user and group of the process at the other end of a connected socket, as the kernel saw them
/// when it connected; 0, or -errno.
int journey_socket_peer(int fd, unsigned *uid, unsigned *gid);

/// Whether the process at the other end was in `group` (its primary group or another of its groups,
/// SO_PEERGROUPS) when it connected: 1 or 0, or -errno.
int journey_socket_peer_in_group(int fd, unsigned group);

/// Sends without waiting and without SIGPIPE; the bytes sent, or -errno.
long journey_socket_send(int fd, const unsigned char *bytes, long length);

#endif
