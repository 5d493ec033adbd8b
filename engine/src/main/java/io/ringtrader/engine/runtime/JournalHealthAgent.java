package io.ringtrader.engine.runtime;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.config.ByteSizes;
import io.ringtrader.engine.config.JournalConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.pipeline.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the journal's health and tells the engine through the ring: an {@link EngineStatus#JOURNAL_FAILED} event
 * for each journal stream's first failed write (published as soon as the failing stage wakes it), and
 * {@link EngineStatus#DISK_LOW} / {@link EngineStatus#DISK_CRITICAL} / {@link EngineStatus#DISK_OK} when the free space
 * of the journal's file system crosses {@code journal.diskSpace} thresholds, read every {@code checkInterval}. The
 * risk stage turns those into trading states where it reaches them in ring order, so a replay of the journal changes
 * state where the live session did.
 *
 * <p>Going back to a less severe level takes a tenth more free space than the threshold, so free space that hovers
 * at a threshold does not flap. An event that finds the ring full is kept and published on the next round; the
 * agent never waits on the ring.
 *
 * <p>{@link #doWork(long)} is the duty cycle: the agent's own thread ({@code rt-health}) calls it, tests call it with
 * a manual clock and a free-space supplier. The counters and {@link #freeBytes()} may be read from any thread.
 */
public final class JournalHealthAgent implements InboundProducer {
    private static final Logger LOG = LoggerFactory.getLogger(JournalHealthAgent.class);
    static final int LEVEL_OK = 0;
    static final int LEVEL_LOW = 1;
    static final int LEVEL_CRITICAL = 2;
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int STREAMS = 4;

    private static final EventTranslatorOneArg<InboundEvent, JournalHealthAgent> STATUS = (event, sequence, agent) -> {
        event.kind = EventKind.ENGINE_STATUS;
        event.engineStatus = agent.pendingStatus;
        event.statusDetail = agent.pendingDetail;
        event.receiveTimeNs = agent.pendingTimeNs;
    };

    private final JournalProgress progress;
    private final Path journalDirectory;
    private final JournalConfig.DiskSpace settings;
    private final LongSupplier freeSpace;
    private final EpochNanoClock clock;
    private final DistinctErrorHandler errors;
    private final boolean[] failurePublished = new boolean[STREAMS];
    private volatile boolean running;
    private volatile long freeBytes = -1;
    private volatile int level = LEVEL_OK;
    private int publishedLevel = LEVEL_OK;
    private long nextCheckNs = Long.MIN_VALUE;
    private InboundPublisher publisher;
    private Thread thread;
    private EngineStatus pendingStatus;
    private int pendingDetail;
    private long pendingTimeNs;

    /**
     * @param progress         the journal stages' progress and failures.
     * @param journalDirectory the journal's directory (the nearest existing ancestor's file system is watched).
     * @param settings         the thresholds; {@link JournalConfig.DiskSpace#off()} watches failures only.
     * @param clock            stamps the events' receive times (the engine clock).
     */
    public JournalHealthAgent(final JournalProgress progress, final Path journalDirectory, final JournalConfig.DiskSpace settings,
        final EpochNanoClock clock, final DistinctErrorHandler errors) {
        this(progress, journalDirectory, settings, () -> usableSpace(journalDirectory), clock, errors);
    }

    /** As above, with the free space read from {@code freeSpace} (bytes; negative when it cannot be read). */
    JournalHealthAgent(final JournalProgress progress, final Path journalDirectory, final JournalConfig.DiskSpace settings,
        final LongSupplier freeSpace, final EpochNanoClock clock, final DistinctErrorHandler errors) {
        this.progress = progress;
        this.journalDirectory = journalDirectory;
        this.settings = settings;
        this.freeSpace = freeSpace;
        this.clock = clock;
        this.errors = errors;
        progress.onFailure(this::wake);
    }

    @Override
    public String name() {
        return "journal-health";
    }

    @Override
    public synchronized void start(final InboundPublisher publisher) {
        if (thread != null) {
            throw new IllegalStateException("journal health agent already started");
        }
        this.publisher = publisher;
        running = true;
        thread = new Thread(this::run, "rt-health");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Free bytes on the journal's file system at the last check; -1 before one or when it cannot be read. */
    public long freeBytes() {
        return freeBytes;
    }

    /** True while free space is below {@code reduceBelow} (or {@code haltBelow}). */
    public boolean diskLow() {
        return level != LEVEL_OK;
    }

    /** Binds the publisher without a thread: for tests that drive {@link #doWork(long)} themselves. */
    void bind(final InboundPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * One round: publishes what journal failures and free-space changes are due.
     *
     * @param nowNs a monotonic reading (the disk check is due every {@code checkInterval} of it).
     * @return the number of events published.
     */
    int doWork(final long nowNs) {
        int work = 0;
        for (int stream = EngineStatus.STREAM_INBOUND; stream <= EngineStatus.STREAM_RAW; stream++) {
            if (!failurePublished[stream] && progress.failure(stream) != null) {
                if (!publish(EngineStatus.JOURNAL_FAILED, stream)) {
                    return work;
                }
                failurePublished[stream] = true;
                work++;
            }
        }
        if (settings.watched() && nowNs >= nextCheckNs) {
            nextCheckNs = nowNs + settings.checkInterval().toNanos();
            check();
        }
        if (publishedLevel != level) {
            final EngineStatus status = switch (level) {
                case LEVEL_CRITICAL -> EngineStatus.DISK_CRITICAL;
                case LEVEL_LOW -> EngineStatus.DISK_LOW;
                default -> EngineStatus.DISK_OK;
            };
            if (publish(status, (int)Math.min(Integer.MAX_VALUE, Math.max(0, freeBytes) >> 20))) {
                publishedLevel = level;
                work++;
            }
        }
        return work;
    }

    private void check() {
        final long free = freeSpace.getAsLong();
        if (free < 0) {
            errors.onProblem(ErrorKind.JOURNAL, "journal: free space of " + journalDirectory + " cannot be read");
            return;
        }
        freeBytes = free;
        final int current = level;
        int next = levelFor(free, settings.reduceBelow(), settings.haltBelow());
        if (next < current) {
            next = Math.max(next, levelFor(free, settings.reduceBelow() + settings.reduceBelow() / 10,
                settings.haltBelow() + settings.haltBelow() / 10));
        }
        if (next == current) {
            return;
        }
        level = next;
        final String where = JournalProgress.bytes(free) + " free on the file system of " + journalDirectory;
        switch (next) {
            case LEVEL_CRITICAL -> LOG.error("journal disk space critical: {} (below journal.diskSpace.haltBelow {}):"
                + " trading HALTED until it recovers", where, ByteSizes.format(settings.haltBelow()));
            case LEVEL_LOW -> LOG.warn("journal disk space low: {} (below journal.diskSpace.reduceBelow {}): trading"
                + " REDUCING, only orders that reduce positions pass", where, ByteSizes.format(settings.reduceBelow()));
            default -> LOG.info("journal disk space recovered: {}: the disk no longer limits trading", where);
        }
    }

    private static int levelFor(final long free, final long reduceBelow, final long haltBelow) {
        if (haltBelow > 0 && free < haltBelow) {
            return LEVEL_CRITICAL;
        }
        return reduceBelow > 0 && free < reduceBelow ? LEVEL_LOW : LEVEL_OK;
    }

    private boolean publish(final EngineStatus status, final int detail) {
        if (publisher == null) {
            return false;
        }
        pendingStatus = status;
        pendingDetail = detail;
        pendingTimeNs = clock.nanoTime();
        final PublishResult result = publisher.tryPublishOrDefer(STATUS, this);
        return result == PublishResult.PUBLISHED || result == PublishResult.CLOSED;
    }

    private void wake() {
        final Thread waiting = thread;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void run() {
        while (running) {
            try {
                doWork(System.nanoTime());
            } catch (final Throwable t) {
                errors.onError(ErrorKind.PRODUCER, "rt-health", t);
            }
            LockSupport.parkNanos(this, Math.min(IDLE_PARK_NS, settings.checkInterval().toNanos()));
        }
    }

    private static long usableSpace(final Path directory) {
        Path path = directory.toAbsolutePath();
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        if (path == null) {
            return -1;
        }
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (final IOException e) {
            return -1;
        }
    }
}
