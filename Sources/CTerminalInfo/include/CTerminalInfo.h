#ifndef C_TERMINAL_INFO_H
#define C_TERMINAL_INFO_H

/// The number of columns of the terminal on `fd`, or 0 when `fd` is not a terminal.
int journey_terminal_columns(int fd);

#endif
