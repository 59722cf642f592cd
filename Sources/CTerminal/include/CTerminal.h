#ifndef C_TERMINAL_H
#define C_TERMINAL_H

/// The number of columns of the terminal on `fd`, or 0 when `fd` is not a terminal.
int journey_terminal_columns(int fd);

/// Catches every signal that would end the process (INT, TERM, HUP, QUIT, PIPE, ALRM, USR1, USR2, the
/// real-time signals and the rest; crashes are handled apart): each only records the signal, for the run loop to act on.
/// Also unblocks those and the job-control and resize signals, in case a parent left them blocked.
void journey_watch_signals(void);

/// The signal caught since the last call, or 0.
int journey_take_signal(void);

/// A pipe whose ends are non-blocking and closed on exec; 0 on success.
int journey_make_pipe(int fds[2]);

/// Creates `path` (which must not exist) readable and writable only by its owner, writes all of
/// `bytes` and flushes them to the disk; 0 on success, -1 with errno set (and no file left) otherwise.
int journey_write_private_file(const char *path, const unsigned char *bytes, long length);

/// Keeps the process from dumping core or being read by other processes of the user's (a crash must
/// not write the learner's answers to a core file).
void journey_keep_memory_private(void);

/// The kind of file system `path` is on (statfs's f_type, such as 0x6969 for NFS), or -1.
long journey_file_system_type(const char *path);

/// Flushes C's standard output; 0, or the errno that stopped it.
int journey_flush_standard_output(void);

/// Writes all of `bytes` to `fd`; 0, or the errno that stopped it.
int journey_write_all(int fd, const unsigned char *bytes, long length);

/// Ends the process as a broken pipe does (killed by SIGPIPE), even where SIGPIPE was ignored.
void journey_die_of_broken_pipe(void);

/// How many bytes wait to be read on `fd` (0 also when that cannot be told).
int journey_bytes_waiting(int fd);

/// While `hold` is nonzero, SIGINT and SIGQUIT are ignored (a program we wait for has the terminal and
/// its Ctrl-C); zero puts back what was there before.
void journey_hold_interrupts(int hold);

/// Remembers the terminal's modes on `fd` and the bytes that undo full-screen mode, so that a crash
/// (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS) restores the terminal before the
/// process dies.
void journey_restore_terminal_on_crash(int fd, const char *reset_sequence);

#endif
