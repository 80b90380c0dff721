package io.camelcount.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a piece of work needed, two ways: the sum of each heap pool's peak (an upper bound: the pools need not
 * peak together), and the largest heap still in use right after a garbage collection (what the work kept alive).
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final List<Registration> registrations = new ArrayList<>();

    private record Registration(NotificationEmitter emitter, NotificationListener listener) {
    }

    /** Starts from a collected heap with every pool's peak reset to its current use. */
    static HeapPeak start() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak();
    }

    private HeapPeak() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::collected;
                emitter.addNotificationListener(listener, null, null);
                registrations.add(new Registration(emitter, listener));
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (after != null) {
                used += after.getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    long poolPeaks() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long maxLiveAfterGc() {
        return maxAfterGc.get();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() throws Exception {
        for (Registration registration : registrations) {
            registration.emitter().removeNotificationListener(registration.listener());
        }
    }
}
