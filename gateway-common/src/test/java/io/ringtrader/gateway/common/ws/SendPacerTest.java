package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.time.ManualEpochNanoClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SendPacer} stepped by a manual clock, writing into a list. */
class SendPacerTest {
    private static final long WINDOW_NS = 1_100_000_000L;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(5_000_000_000L);
    private final List<String> written = new ArrayList<>();
    private final List<String> discarded = new ArrayList<>();
    private boolean writable = true;
    private final SendPacer<String> pacer = new SendPacer<>(3, WINDOW_NS, new SendPacer.Output<>() {
        @Override
        public boolean isWritable() {
            return writable;
        }

        @Override
        public void write(final String frame) {
            written.add(frame);
        }

        @Override
        public void discard(final String frame) {
            discarded.add(frame);
        }
    });

    @Test
    void shouldWriteUpToTheLimitAtOnceAndTheRestOnceTheWindowHasPassed() {
        for (int i = 1; i <= 5; i++) {
            pacer.offer("text" + i, false);
        }

        assertEquals(3, pacer.drain(clock.nanoTime()));
        assertEquals(WINDOW_NS, pacer.delayNs(clock.nanoTime()));
        clock.advance(WINDOW_NS - 1);
        assertEquals(0, pacer.drain(clock.nanoTime()));
        clock.advance(1);
        assertEquals(2, pacer.drain(clock.nanoTime()));

        assertEquals(List.of("text1", "text2", "text3", "text4", "text5"), written);
    }

    @Test
    void shouldSendControlFramesBeforeQueuedTextFrames() {
        pacer.offer("text1", false);
        pacer.offer("text2", false);
        pacer.offer("text3", false);
        pacer.offer("text4", false);
        pacer.drain(clock.nanoTime());
        pacer.offer("pong", true);

        clock.advance(WINDOW_NS);
        pacer.drain(clock.nanoTime());

        assertEquals(List.of("text1", "text2", "text3", "pong", "text4"), written);
    }

    @Test
    void shouldHoldFramesWhileTheOutputIsNotWritable() {
        writable = false;
        pacer.offer("text1", false);

        assertEquals(0, pacer.drain(clock.nanoTime()));
        writable = true;

        assertEquals(1, pacer.drain(clock.nanoTime()));
    }

    @Test
    void shouldSayNothingIsQueuedWhenEverythingWasWritten() {
        pacer.offer("text1", false);
        pacer.drain(clock.nanoTime());

        assertEquals(SendPacer.NOTHING_QUEUED, pacer.delayNs(clock.nanoTime()));
    }

    @Test
    void shouldDropTheTextButKeepTheControlFramesWhenTheSocketCloses() {
        writable = false;
        pacer.offer("text1", false);
        pacer.offer("close", true);

        pacer.discardText();
        writable = true;
        pacer.drain(clock.nanoTime());

        assertEquals(List.of("text1"), discarded);
        assertEquals(List.of("close"), written);
    }

    @Test
    void shouldDiscardEverythingQueuedWhenTheSocketIsGone() {
        writable = false;
        pacer.offer("text1", false);
        pacer.offer("ping", true);

        pacer.discardAll();

        assertEquals(List.of("ping", "text1"), discarded);
        assertEquals(0, pacer.queued());
    }
}
