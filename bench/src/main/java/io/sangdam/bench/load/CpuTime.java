package io.sangdam.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the server, its PostgreSQL and this driver, read from /proc (Linux), so
 * that a step can say what one contact cost each of them. PostgreSQL's is its postmaster's own, its
 * live backends' and what its ended backends used (the postmaster's children's time).
 */
record CpuTime(long serverNanos, long postgresNanos, long driverNanos) {

    /** Clock ticks per second of /proc's times: 100 on every Linux this runs on (USER_HZ). */
    private static final long TICK_NANOS = 10_000_000L;

    static CpuTime now(Options options) {
        long driver = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
        long server = options.serverPid > 0 ? ticks(options.serverPid, false) * TICK_NANOS : 0;
        long postgres = 0;
        if (options.postgresPid > 0) {
            postgres = ticks(options.postgresPid, true);
            var backends = ProcessHandle.of(options.postgresPid)
                    .map(ProcessHandle::children)
                    .orElse(java.util.stream.Stream.empty());
            postgres +=
                    backends.mapToLong(backend -> ticks(backend.pid(), false)).sum();
            postgres *= TICK_NANOS;
        }
        return new CpuTime(server, postgres, driver);
    }

    CpuTime since(CpuTime before) {
        return new CpuTime(
                serverNanos - before.serverNanos,
                postgresNanos - before.postgresNanos,
                driverNanos - before.driverNanos);
    }

    /** "server / PostgreSQL / driver" in milliseconds of CPU per contact ("-" for what is not known). */
    String perContact(long contacts, Options options) {
        if (contacts == 0) {
            return "-";
        }
        return String.format(
                "%s / %s / %.1f",
                options.serverPid > 0 ? String.format("%.1f", serverNanos / 1e6 / contacts) : "-",
                options.postgresPid > 0 ? String.format("%.1f", postgresNanos / 1e6 / contacts) : "-",
                driverNanos / 1e6 / contacts);
    }

    /** utime + stime (and the ended children's, when asked) of /proc/pid/stat; 0 when the process is gone. */
    private static long ticks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
