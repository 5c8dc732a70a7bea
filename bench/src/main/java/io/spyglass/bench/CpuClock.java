package io.spyglass.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * CPU time of each stage's stream threads (names starting with its prefix: Kafka Streams names them after the
 * application id) and of the whole JVM (broker, JIT, this command's producer included) since {@link #start}, for
 * {@link DeliveryBench}.
 */
record CpuClock(List<String> prefixes, List<Long> stageNanos, long processNanos, long jitNanos, long gcNanos) {
    static CpuClock start(List<String> prefixes) {
        return new CpuClock(prefixes, prefixes.stream().map(CpuClock::threadsCpuNanos).toList(), jvmCpuNanos(),
                nativeThreadsCpuNanos(CpuClock::jit), nativeThreadsCpuNanos(CpuClock::gc));
    }

    CpuClock stop() {
        List<Long> now = prefixes.stream().map(CpuClock::threadsCpuNanos).toList();
        return new CpuClock(prefixes, IntStream.range(0, now.size()).mapToObj(i -> now.get(i) - stageNanos.get(i)).toList(),
                jvmCpuNanos() - processNanos, since(nativeThreadsCpuNanos(CpuClock::jit), jitNanos),
                since(nativeThreadsCpuNanos(CpuClock::gc), gcNanos));
    }

    private static long since(long now, long then) {
        return now < 0 || then < 0 ? -1 : now - then;
    }

    private static boolean jit(String threadName) {
        return threadName.contains("CompilerThre");
    }

    /** HotSpot's collector threads (G1's and the parallel workers), which no Java API times separately. */
    private static boolean gc(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
    }

    /**
     * CPU time of the JVM's own threads whose names pass {@code named} (JIT compiler, GC), from /proc (Linux; the
     * JVM's compilation and collection times count wall time, which on a busy machine includes waiting for a
     * core); -1 where there is no /proc.
     */
    private static long nativeThreadsCpuNanos(Predicate<String> named) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (named.test(name)) {
                    // after the name: state is field 3, utime and stime are fields 14 and 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long threadsCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix) && t.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
