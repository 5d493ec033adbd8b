package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady-state appending and reading allocate nothing. Measured with the thread's allocation counter around
 * 100k operations after a warm-up; a little slack is left for Chronicle mapping the next chunk of a file.
 * JMH's {@code -prof gc} on {@code JournalAppendBenchmark} is the reference measurement.
 */
class JournalAllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 100_000;
    private static final double MAX_BYTES_PER_OPERATION = 1.0;

    @TempDir
    Path journal;

    @Test
    void shouldAppendInboundEventsWithoutAllocating() {
        final EventKind[] kinds = EventKind.values();
        final InboundEvent[] events = new InboundEvent[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            events[i] = new InboundEvent(32);
            TestEvents.fill(events[i], kinds[i], i);
        }
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        try {
            long sequence = 0;
            for (int i = 0; i < WARM_UP; i++, sequence++) {
                writer.onEvent(events[i % events.length], sequence, i % 8 == 7);
            }
            final long before = allocatedBytes();
            for (int i = 0; i < MEASURED; i++, sequence++) {
                writer.onEvent(events[i % events.length], sequence, i % 8 == 7);
            }
            final long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_BYTES_PER_OPERATION * MEASURED,
                "allocated " + allocated + " bytes for " + MEASURED + " appends");
        } finally {
            writer.onShutdown();
        }
    }

    @Test
    void shouldAppendOrderCommandsWithoutAllocating() {
        final RiskDecision[] decisions = RiskDecision.values();
        final OrderCommand[] commands = new OrderCommand[decisions.length];
        for (int i = 0; i < decisions.length; i++) {
            commands[i] = new OrderCommand();
            TestEvents.fill(commands[i], decisions[i], i);
        }
        final OutboundJournalWriter writer = new OutboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        try {
            long sequence = 0;
            for (int i = 0; i < WARM_UP; i++, sequence++) {
                writer.onCommand(commands[i % commands.length], sequence, true);
            }
            final long before = allocatedBytes();
            for (int i = 0; i < MEASURED; i++, sequence++) {
                writer.onCommand(commands[i % commands.length], sequence, true);
            }
            final long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_BYTES_PER_OPERATION * MEASURED,
                "allocated " + allocated + " bytes for " + MEASURED + " appends");
        } finally {
            writer.onShutdown();
        }
    }

    @Test
    void shouldReadInboundEventsWithoutAllocating() {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(32);
        final EventKind[] kinds = EventKind.values();
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            TestEvents.fill(event, kinds[i % kinds.length], i);
            writer.onEvent(event, i, true);
        }
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            for (int i = 0; i < WARM_UP; i++) {
                assertTrue(reader.next(event));
            }
            final long before = allocatedBytes();
            int read = 0;
            while (reader.next(event)) {
                read++;
            }
            final long allocated = allocatedBytes() - before;
            assertTrue(read == MEASURED, "read " + read);
            assertTrue(allocated < MAX_BYTES_PER_OPERATION * MEASURED,
                "allocated " + allocated + " bytes for " + MEASURED + " reads");
        }
    }

    private static long allocatedBytes() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
