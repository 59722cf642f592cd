#define _GNU_SOURCE
#include "CTerminal.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/vfs.h>
#include <termios.h>
#include <unistd.h>

int journey_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

int journey_make_pipe(int fds[2]) {
    return pipe2(fds, O_NONBLOCK | O_CLOEXEC);
}

int journey_write_private_file(const char *path, const unsigned char *bytes, long length) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    long done = 0;
    while (done < length) {
        ssize_t written = write(fd, bytes + done, (size_t)(length - done));
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) break;
        done += written;
    }
    int failed = done < length || fsync(fd) != 0;
    int saved = errno;
    close(fd);
    if (failed) {
        unlink(path);
        errno = saved ? saved : EIO;
        return -1;
    }
    return 0;
}

void journey_keep_memory_private(void) {
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

long journey_file_system_type(const char *path) {
    struct statfs info;
    return statfs(path, &info) == 0 ? (long)(unsigned long)info.f_type : -1;
}

int journey_flush_standard_output(void) {
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
    return errno ? errno : EIO;
}

int journey_write_all(int fd, const unsigned char *bytes, long length) {
    long done = 0;
    while (done < length) {
        ssize_t written = write(fd, bytes + done, (size_t)(length - done));
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return written < 0 ? errno : EIO;
        done += written;
    }
    return 0;
}

void journey_die_of_broken_pipe(void) {
    signal(SIGPIPE, SIG_DFL);
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    sigprocmask(SIG_UNBLOCK, &pipe, NULL);
    raise(SIGPIPE);
    _exit(128 + SIGPIPE);
}

int journey_bytes_waiting(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) return 0;
    return count;
}

static volatile sig_atomic_t caught_signal = 0;

static void record_signal(int signal_number) {
    caught_signal = signal_number;
}

void journey_watch_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    // Every signal whose default is to end the process, but those of a crash (handled apart): the
    // run loop restores the terminal and keeps the learner's words before it exits.
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
                     SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
    // Real-time signals end the process by default too.
    for (int signal = SIGRTMIN; signal <= SIGRTMAX; signal++) sigaction(signal, &action, NULL);
    // A parent may have left signals blocked; the player relies on these arriving.
    sigset_t needed;
    sigemptyset(&needed);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&needed, signals[i]);
    for (int signal = SIGRTMIN; signal <= SIGRTMAX; signal++) sigaddset(&needed, signal);
    int also[] = {SIGTSTP, SIGCONT, SIGWINCH};
    for (unsigned i = 0; i < sizeof also / sizeof also[0]; i++) sigaddset(&needed, also[i]);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);
}

int journey_take_signal(void) {
    int signal_number = caught_signal;
    caught_signal = 0;
    return signal_number;
}

static struct sigaction held_interrupt, held_quit;

void journey_hold_interrupts(int hold) {
    if (hold) {
        struct sigaction ignore;
        memset(&ignore, 0, sizeof ignore);
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGINT, &ignore, &held_interrupt);
        sigaction(SIGQUIT, &ignore, &held_quit);
    } else {
        sigaction(SIGINT, &held_interrupt, NULL);
        sigaction(SIGQUIT, &held_quit, NULL);
    }
}

static int crash_fd = -1;
static struct termios crash_modes;
static char crash_reset[256];
static size_t crash_reset_length = 0;

static void restore_and_die(int signal_number) {
    if (crash_fd >= 0) {
        tcsetattr(crash_fd, TCSANOW, &crash_modes);
        ssize_t ignored = write(crash_fd, crash_reset, crash_reset_length);
        (void)ignored;
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void journey_restore_terminal_on_crash(int fd, const char *reset_sequence) {
    if (tcgetattr(fd, &crash_modes) != 0) return;
    crash_reset_length = strlen(reset_sequence);
    if (crash_reset_length >= sizeof crash_reset) crash_reset_length = sizeof crash_reset - 1;
    memcpy(crash_reset, reset_sequence, crash_reset_length);
    crash_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_and_die;
    sigemptyset(&action.sa_mask);
    int signals[] = {SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}
