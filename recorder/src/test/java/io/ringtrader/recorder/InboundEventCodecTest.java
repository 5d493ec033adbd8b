package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decoder checks a message's length against its kind's layout before it reads a field. */
class InboundEventCodecTest {
    private static final int LEVELS = 8;

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void shouldRefuseAMessageOneByteShortOfItsLayout(final EventKind kind) {
        final byte[] message = encode(kind);
        final InboundEvent into = new InboundEvent(LEVELS);
        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> InboundEventCodec.decode(new UnsafeBuffer(message), message.length - 1, into));
        assertTrue(e.getMessage().contains("bytes long"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void shouldRefuseAMessageWithBytesLeftAfterItsPayload(final EventKind kind) {
        final byte[] message = encode(kind);
        final byte[] longer = Arrays.copyOf(message, message.length + 1);
        final InboundEvent into = new InboundEvent(LEVELS);
        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> InboundEventCodec.decode(new UnsafeBuffer(longer), longer.length, into));
        assertTrue(e.getMessage().contains("1 bytes left after the inbound event payload"), e.getMessage());
    }

    @Test
    void shouldReadBackFlagsThatAreNotSet() {
        final InboundEvent kline = new InboundEvent(LEVELS);
        TestEvents.fill(kline, EventKind.KLINE, 1);
        kline.klineClosed = false;
        final InboundEvent report = new InboundEvent(LEVELS);
        TestEvents.fill(report, EventKind.EXECUTION_REPORT, 1);
        report.execMaker = false;
        final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(16);
        for (final InboundEvent written : new InboundEvent[] {kline, report}) {
            final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
            try {
                InboundEventCodec.encode(written, 42, bytes);
                final InboundEvent read = new InboundEvent(LEVELS);
                assertEquals(42, InboundEventCodec.decode(bytes, read, scratch));
                TestEvents.assertSameProducerFields(written, read);
                assertFalse(read.klineClosed || read.execMaker);
            } finally {
                bytes.releaseLast();
            }
        }
    }

    private static byte[] encode(final EventKind kind) {
        final InboundEvent event = new InboundEvent(LEVELS);
        TestEvents.fill(event, kind, 2);
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        try {
            InboundEventCodec.encode(event, 9, bytes);
            return bytes.toByteArray();
        } finally {
            bytes.releaseLast();
        }
    }
}
