package io.camelcount.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.OperatingSystemMXBean;

/**
 * A closed-loop load: {@code threads} callers each repeating one call back to back for a fixed time. The same
 * threads serve every contender, so thread start-up is outside the measured rounds.
 */
final class ClosedLoop implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int threads;
    private final ExecutorService pool;

    ClosedLoop(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * Runs {@code call} for about {@code duration}; the time counted runs until the last caller finished. Also counts
     * the CPU time the callers' threads used, and the whole process's (callers, an in-process server, GC, JIT).
     */
    Throughput run(String name, Call call, Duration duration) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong callerCpu = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long processCpuBefore = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            callers.add(pool.submit(() -> {
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long done = 0;
                long failed = 0;
                while (System.nanoTime() < end) {
                    try {
                        call.run();
                        done++;
                    } catch (Exception e) {
                        failed++;
                        firstError.compareAndSet(null, e);
                    }
                }
                calls.addAndGet(done);
                errors.addAndGet(failed);
                callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            }));
        }
        for (Future<?> caller : callers) {
            try {
                caller.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A load thread died", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(name, calls.get(), seconds, errors.get(), firstError.get(), callerCpu.get(),
                PROCESS.getProcessCpuTime() - processCpuBefore);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
