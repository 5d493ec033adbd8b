package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class StreamHandoverTest {
    private static final String TRADES = "btcusdt@aggTrade";
    private static final String BOOK = "btcusdt@bookTicker";

    private final StreamHandover handover = new StreamHandover(List.of(TRADES, BOOK));
    private final List<Long> delivered = new ArrayList<>();

    @Test
    void shouldSwitchWhenTheNewConnectionDeliversTheOldOnesLastEvent() {
        handover.begin();
        old(TRADES, 1);
        old(TRADES, 2);
        fresh(TRADES, 1);
        fresh(TRADES, 2);
        old(TRADES, 3);
        fresh(TRADES, 3);
        fresh(TRADES, 4);

        assertEquals(List.of(1L, 2L, 3L, 4L), delivered);
    }

    @Test
    void shouldSwitchWhenTheOldConnectionCatchesUpWithTheNewOne() {
        handover.begin();
        old(TRADES, 1);
        fresh(TRADES, 2);
        old(TRADES, 2);
        old(TRADES, 3);
        fresh(TRADES, 3);

        assertEquals(List.of(1L, 2L, 3L), delivered);
    }

    @Test
    void shouldSwitchEachStreamOnItsOwnAndCompleteWhenAllHave() {
        handover.begin();
        old(TRADES, 10);
        old(BOOK, 500);
        fresh(TRADES, 10);
        assertFalse(handover.complete());
        fresh(BOOK, 501);
        old(BOOK, 501);
        assertTrue(handover.complete());
        fresh(BOOK, 502);
        old(BOOK, 502);

        assertEquals(List.of(10L, 500L, 501L, 502L), delivered);
    }

    @Test
    void shouldReportAGapForAForcedStreamAndStillNeverDeliverAnIdTwice() {
        handover.begin();
        old(TRADES, 5);
        fresh(TRADES, 7);
        fresh(TRADES, 8);
        assertEquals(1, handover.forceSwitch());
        handover.trail();
        fresh(TRADES, 5);
        assertFalse(handover.guardsCleared());
        fresh(TRADES, 9);
        assertTrue(handover.guardsCleared());

        assertEquals(List.of(5L, 9L), delivered);
    }

    @Test
    void shouldDeliverEveryEventOnceAndInOrderForAnyInterleaving() {
        for (int seed = 0; seed < 120; seed++) {
            final SplittableRandom random = new SplittableRandom(seed);
            final long oldLast = 40 + random.nextInt(40);
            final long newFirst = 1 + random.nextInt((int)oldLast);
            final long[] oldIds = LongStream.rangeClosed(1, oldLast).toArray();
            final long[] newIds = LongStream.rangeClosed(newFirst, 120).toArray();
            delivered.clear();
            handover.begin();
            int o = 0;
            int n = 0;
            while (o < oldIds.length && oldIds[o] < newFirst) {
                old(TRADES, oldIds[o++]);
            }
            while (o < oldIds.length || n < newIds.length) {
                if (n == newIds.length || o < oldIds.length && random.nextBoolean()) {
                    old(TRADES, oldIds[o++]);
                } else {
                    fresh(TRADES, newIds[n++]);
                }
            }
            for (int i = 1; i < delivered.size(); i++) {
                assertTrue(delivered.get(i) > delivered.get(i - 1), "seed " + seed + ": " + delivered);
            }
            if (delivered.get(delivered.size() - 1) == 120) {
                assertEquals(LongStream.rangeClosed(1, 120).boxed().toList(), delivered, "seed " + seed);
            }
        }
    }

    @Test
    void shouldFindTheEventIdAfterItsKeyOnly() {
        final UnsafeBuffer frame = ascii("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":17,"
            + "\"U\":100,\"u\":123456789012,\"pu\":99,\"b\":[],\"a\":[]}}");
        assertEquals(123456789012L, StreamHandover.eventId(frame, 0, frame.capacity(), (byte)'u'));
        assertEquals(17, StreamHandover.eventId(frame, 0, frame.capacity(), (byte)'E'));
        assertEquals(Long.MIN_VALUE, StreamHandover.eventId(frame, 0, frame.capacity(), (byte)'a'));
        assertTrue(StreamHandover.isStreamFrame(frame, 0, frame.capacity()));
        final UnsafeBuffer reply = ascii("{\"result\":null,\"id\":1}");
        assertFalse(StreamHandover.isStreamFrame(reply, 0, reply.capacity()));
    }

    private void old(final String stream, final long id) {
        final UnsafeBuffer frame = frame(stream, id);
        if (handover.onOld(frame, 0, frame.capacity())) {
            delivered.add(id);
        }
    }

    private void fresh(final String stream, final long id) {
        final UnsafeBuffer frame = frame(stream, id);
        if (handover.onNew(frame, 0, frame.capacity())) {
            delivered.add(id);
        }
    }

    private static UnsafeBuffer frame(final String stream, final long id) {
        if (stream.equals(TRADES)) {
            return ascii("{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":" + id
                + ",\"p\":\"1.0\",\"q\":\"2\",\"f\":1,\"l\":2,\"T\":1,\"m\":true}}");
        }
        return ascii("{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"bookTicker\",\"u\":" + id
            + ",\"s\":\"BTCUSDT\",\"b\":\"1.0\",\"B\":\"1\",\"a\":\"1.1\",\"A\":\"1\",\"T\":1,\"E\":1}}");
    }

    private static UnsafeBuffer ascii(final String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
