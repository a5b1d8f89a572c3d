# bench/keyring-crash-pause.py: gdb script for `PAUSE=S bash bench/keyring-crash ...`
# (issue 17). Attaches to gnome-keyring-daemon in non-stop mode and stops its
# main thread for S seconds in every check() of an idle or GIOChannel watch
# source, inside g_main_context_check(), where GLib has released the context
# lock; the daemon's D-Bus thread keeps running meanwhile. That widens the
# window in which a call can be queued behind the main loop's back, so the
# race that aborts the daemon shows up within seconds instead of once in
# thousands of runs. Driven through stdin by bench/keyring-crash:
# `continue -a &` to start, `python print(...)`, `interrupt -a`, `detach`.
import os
import time

import gdb

PAUSE = float(os.environ["HUBINT_CRASH_PAUSE"])
gdb.execute("set pagination off")
gdb.execute("set confirm off")
gdb.execute("set non-stop on")
gdb.execute("attach " + os.environ["HUBINT_CRASH_PID"])
gdb.execute("handle SIGPIPE nostop noprint pass")
hits = [0]


class Pause(gdb.Breakpoint):
    """Never stops for gdb: sleeps in the main thread (gdb thread 1) only."""

    def stop(self):
        if gdb.selected_thread().num == 1:
            hits[0] += 1
            time.sleep(PAUSE)
        return False


# g_idle_check and g_io_unix_check are static; their exported GSourceFuncs
# tables hold them (prepare, check, dispatch, finalize).
for table in ("g_idle_funcs", "g_io_watch_funcs"):
    Pause("*0x%x" % int(gdb.parse_and_eval("*(void**)((char*)&%s + 8)" % table)))
