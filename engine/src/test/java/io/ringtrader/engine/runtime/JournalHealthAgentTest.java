package io.ringtrader.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ringtrader.engine.config.JournalConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal health agent: journal failures and free-space thresholds become ENGINE_STATUS events on the ring. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JournalHealthAgentTest {
    private static final long MIB = 1L << 20;
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final JournalProgress progress = new JournalProgress(errors);
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final long[] free = {10_000 * MIB};
    private final int[] reads = new int[1];
    private JournalHealthAgent agent;
    private Pipeline pipeline;

    @BeforeEach
    void start() {
        pipeline = Pipeline.builder().inboundRingSize(64).threads(StageThreadSpec.defaults()).errorHandler(errors)
            .risk((event, sequence, endOfBatch) -> {
                if (event.kind == EventKind.ENGINE_STATUS) {
                    seen.add(event.engineStatus + " " + event.statusDetail + " @" + event.receiveTimeNs);
                }
            })
            .build();
        pipeline.start();
        agent = new JournalHealthAgent(progress, Path.of("journal"),
            new JournalConfig.DiskSpace(1024 * MIB, 256 * MIB, Duration.ofSeconds(1)), () -> {
                reads[0]++;
                return free[0];
            }, clock, errors);
        agent.bind(pipeline.inboundPublisher());
    }

    @AfterEach
    void stop() {
        pipeline.stop();
    }

    @Test
    void shouldReduceThenHaltAsFreeSpaceFallsAndRecoverOnlyWithATenthToSpare() throws Exception {
        assertEquals(0, step(0, 10_000), "plenty of space: nothing to say");
        assertEquals(1, step(1, 900));
        assertEquals(1, step(2, 100));
        assertEquals(0, step(3, 270), "above haltBelow but within a tenth of it: still critical");
        assertEquals(1, step(4, 300));
        assertEquals(0, step(5, 1_100), "above reduceBelow but within a tenth of it: still low");
        assertEquals(1, step(6, 1_200));
        awaitSeen(4);
        assertEquals(List.of("DISK_LOW 900 @" + at(1), "DISK_CRITICAL 100 @" + at(2), "DISK_LOW 300 @" + at(4),
            "DISK_OK 1200 @" + at(6)), seen);
        assertFalse(agent.diskLow());
        assertEquals(1_200 * MIB, agent.freeBytes());
    }

    @Test
    void shouldReadFreeSpaceOncePerCheckInterval() {
        step(0, 10_000);
        agent.doWork(SECOND_NS / 2);
        agent.doWork(SECOND_NS - 1);
        assertEquals(1, reads[0]);
        agent.doWork(SECOND_NS);
        assertEquals(2, reads[0]);
    }

    @Test
    void shouldPublishEachStreamsJournalFailureOnce() throws Exception {
        progress.fail(EngineStatus.STREAM_OUTBOUND, "/j/outbound", new InternalError("fault"), 7);
        progress.fail(EngineStatus.STREAM_OUTBOUND, "/j/outbound", new InternalError("fault again"), 8);
        assertEquals(1, step(0, 10_000));
        assertEquals(0, step(1, 10_000));
        progress.fail(EngineStatus.STREAM_RAW, "/j/raw", new InternalError("fault"), -1);
        assertEquals(1, step(2, 10_000));
        awaitSeen(2);
        assertEquals(List.of("JOURNAL_FAILED " + EngineStatus.STREAM_OUTBOUND + " @" + at(0),
            "JOURNAL_FAILED " + EngineStatus.STREAM_RAW + " @" + at(2)), seen);
    }

    @Test
    void shouldWatchNothingWhenTheThresholdsAreOff() {
        agent = new JournalHealthAgent(progress, Path.of("journal"), JournalConfig.DiskSpace.off(), () -> {
            reads[0]++;
            return 0;
        }, clock, errors);
        agent.bind(pipeline.inboundPublisher());
        assertEquals(0, agent.doWork(0));
        assertEquals(0, reads[0]);
    }

    /** Advances to second {@code second}, sets the free space and runs one round. */
    private int step(final int second, final long freeMiB) {
        free[0] = freeMiB * MIB;
        clock.set(at(second));
        return agent.doWork(second * SECOND_NS);
    }

    private static long at(final int second) {
        return 1_700_000_000_000_000_000L + second * SECOND_NS;
    }

    private void awaitSeen(final int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < count) {
            if (System.nanoTime() > deadline) {
                fail("saw only " + seen);
            }
            Thread.sleep(1);
        }
        assertTrue(seen.size() == count, () -> "saw " + seen);
    }
}
