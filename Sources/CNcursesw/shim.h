// ncursesw with its wide-character API, and the macros Swift cannot import as functions.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>

int wcwidth(wchar_t c);

static inline attr_t journey_attr_bold(void) { return A_BOLD; }
static inline attr_t journey_attr_dim(void) { return A_DIM; }
static inline attr_t journey_attr_italic(void) { return A_ITALIC; }
static inline attr_t journey_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t journey_attr_reverse(void) { return A_REVERSE; }
static inline attr_t journey_color_pair(short pair) { return COLOR_PAIR(pair); }
