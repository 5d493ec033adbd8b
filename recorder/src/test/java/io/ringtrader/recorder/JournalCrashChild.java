package io.ringtrader.recorder;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The process {@link JournalCrashTest} kills. Arguments: the journal directory and a mode.
 * <ul>
 *   <li>{@code stream}: appends trades with sequences 0, 1, 2, ... until killed, printing
 *       {@code appended N} after every 1,000th complete message and pausing 1 ms half-way between prints
 *       (so the kill usually lands while it appends, and it leaves a core to the test);</li>
 *   <li>{@code unfinished}: appends {@value #BEFORE_UNFINISHED} trades, begins one more message, writes
 *       part of it, prints {@code unfinished} and waits to be killed.</li>
 * </ul>
 */
public final class JournalCrashChild {
    static final int BEFORE_UNFINISHED = 100;
    static final String PROGRESS = "appended ";
    static final String UNFINISHED = "unfinished";

    private JournalCrashChild() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final Path journal = Path.of(args[0]);
        final InboundEvent event = new InboundEvent(8);
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        if ("stream".equals(args[1])) {
            for (long sequence = 0; ; sequence++) {
                trade(event, sequence);
                writer.onEvent(event, sequence, sequence % 64 == 63);
                if ((sequence + 1) % 1_000 == 0) {
                    System.out.println(PROGRESS + (sequence + 1));
                    System.out.flush();
                } else if (sequence % 1_000 == 499) {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
            }
        }
        for (long sequence = 0; sequence < BEFORE_UNFINISHED; sequence++) {
            trade(event, sequence);
            writer.onEvent(event, sequence, true);
        }
        writer.onShutdown();
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve("inbound")).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        trade(event, BEFORE_UNFINISHED);
        InboundEventCodec.encode(event, BEFORE_UNFINISHED, dc.wire().bytes());
        System.out.println(UNFINISHED);
        System.out.flush();
        TimeUnit.MINUTES.sleep(5);
    }

    static void trade(final InboundEvent event, final long sequence) {
        TestEvents.fill(event, EventKind.TRADE, 0);
        event.tradeId = sequence;
        event.receiveTimeNs = 1_700_000_000_000_000_000L + sequence;
    }
}
