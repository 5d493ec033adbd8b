package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
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
        for (final InboundEvent written : new InboundEvent[] {kline, report}) {
            final byte[] message = encode(written, 42);
            final InboundEvent read = new InboundEvent(LEVELS);
            assertEquals(42, InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read));
            TestEvents.assertSameProducerFields(written, read);
            assertFalse(read.klineClosed || read.execMaker);
        }
    }

    @Test
    void shouldRoundTripAnOperatorCommandWithTheStrategyItActsOn() {
        final InboundEvent written = new InboundEvent(LEVELS);
        written.kind = EventKind.OPERATOR;
        written.receiveTimeNs = 1_700_000_000_123_456_789L;
        written.operatorCommand = OperatorCommand.STRATEGY_RESUME;
        written.operatorSource = OperatorCommand.SOURCE_JMX;
        written.operatorTarget = 7;
        final byte[] message = encode(written, 77);
        assertEquals(JournalFormat.SCHEMA_VERSION, new UnsafeBuffer(message).getShort(1, JournalFormat.BYTE_ORDER));
        assertEquals(13, message[11], "kind code");
        assertEquals(69 + 9, message.length, "header, command code u8, source i32, target i32");
        assertEquals(3, message[69], "STRATEGY_RESUME");

        final InboundEvent read = new InboundEvent(LEVELS);
        assertEquals(77, InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read));
        TestEvents.assertSameProducerFields(written, read);
        assertEquals(-1, read.instrumentId);
    }

    @Test
    void shouldReadASchemaVersion4OperatorCommandWithoutATarget() {
        final InboundEvent written = new InboundEvent(LEVELS);
        written.kind = EventKind.OPERATOR;
        written.operatorCommand = OperatorCommand.KILL_SWITCH_TRIP;
        written.operatorSource = OperatorCommand.SOURCE_JMX;
        final byte[] message = Arrays.copyOf(encode(written, 76), 69 + 5);
        new UnsafeBuffer(message).putShort(1, (short)4, JournalFormat.BYTE_ORDER);

        final InboundEvent read = new InboundEvent(LEVELS);
        assertEquals(76, InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read));
        assertEquals(OperatorCommand.KILL_SWITCH_TRIP, read.operatorCommand);
        assertEquals(OperatorCommand.SOURCE_JMX, read.operatorSource);
        assertEquals(OperatorCommand.ALL_STRATEGIES, read.operatorTarget);
    }

    @Test
    void shouldRefuseAStrategyResumeInASchemaVersion4Message() {
        final InboundEvent written = new InboundEvent(LEVELS);
        written.kind = EventKind.OPERATOR;
        written.operatorCommand = OperatorCommand.STRATEGY_RESUME;
        final byte[] message = Arrays.copyOf(encode(written, 75), 69 + 5);
        new UnsafeBuffer(message).putShort(1, (short)4, JournalFormat.BYTE_ORDER);

        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> InboundEventCodec.decode(new UnsafeBuffer(message), message.length, new InboundEvent(LEVELS)));
        assertTrue(e.getMessage().contains("STRATEGY_RESUME (code 3), which schema 5 introduced, in a schema 4 message"),
            e.getMessage());
    }

    @Test
    void shouldRoundTripAnEngineStatusAsSchemaVersion5() {
        final InboundEvent written = new InboundEvent(LEVELS);
        written.kind = EventKind.ENGINE_STATUS;
        written.receiveTimeNs = 1_700_000_000_123_456_789L;
        written.engineStatus = EngineStatus.DISK_CRITICAL;
        written.statusDetail = 255;
        final byte[] message = encode(written, 78);
        assertEquals(14, message[11], "kind code");
        assertEquals(69 + 5, message.length, "header, status code u8, detail i32");
        assertEquals(3, message[69], "DISK_CRITICAL");

        final InboundEvent read = new InboundEvent(LEVELS);
        assertEquals(78, InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read));
        TestEvents.assertSameProducerFields(written, read);
        new UnsafeBuffer(message).putShort(1, (short)4, JournalFormat.BYTE_ORDER);
        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> InboundEventCodec.decode(new UnsafeBuffer(message), message.length, new InboundEvent(LEVELS)));
        assertTrue(e.getMessage().contains("ENGINE_STATUS (code 14), which schema 5 introduced, in a schema 4 message"),
            e.getMessage());
    }

    @Test
    void shouldRoundTripAMarketStateWithItsAbsentFieldsAsSchemaVersion6() {
        final InboundEvent written = new InboundEvent(LEVELS);
        written.kind = EventKind.MARKET_STATE;
        written.instrumentId = 1;
        written.receiveTimeNs = 1_700_000_000_123_456_789L;
        written.openInterest = 12_345;
        MarketState.flagPresent(written);
        final byte[] message = encode(written, 79);
        assertEquals(15, message[11], "kind code");
        assertEquals(69 + 52, message.length, "header, field bits i32, six i64");

        final InboundEvent read = new InboundEvent(LEVELS);
        InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read);
        TestEvents.assertSameProducerFields(written, read);
        assertEquals(MarketState.OPEN_INTEREST, read.marketStateFields);
        assertEquals(InboundEvent.NONE, read.markPrice, "absent, not zero");
    }

    /** Schemas 1-5 wrote MARK_PRICE (code 6) and OPEN_INTEREST (code 7): both read as market states with their fields. */
    @Test
    void shouldReadTheMarkPriceAndOpenInterestOfOlderSchemasAsMarketStates() {
        final byte[] mark = legacy(6, 32, 5);
        final UnsafeBuffer markBuffer = new UnsafeBuffer(mark);
        markBuffer.putLong(69, 6_180_001L, JournalFormat.BYTE_ORDER);
        markBuffer.putLong(77, 6_179_999L, JournalFormat.BYTE_ORDER);
        markBuffer.putLong(85, -10_000L, JournalFormat.BYTE_ORDER);
        markBuffer.putLong(93, InboundEvent.NONE, JournalFormat.BYTE_ORDER);
        final InboundEvent readMark = new InboundEvent(LEVELS);
        InboundEventCodec.decode(markBuffer, mark.length, readMark);
        assertEquals(EventKind.MARKET_STATE, readMark.kind);
        assertEquals(MarketState.MARK_PRICE | MarketState.INDEX_PRICE | MarketState.FUNDING_RATE, readMark.marketStateFields);
        assertEquals(6_180_001L, readMark.markPrice);
        assertEquals(-10_000L, readMark.fundingRate);
        assertEquals(InboundEvent.NONE, readMark.nextFundingTimeNs);
        assertEquals(InboundEvent.NONE, readMark.openInterest);

        final byte[] oi = legacy(7, 8, 4);
        new UnsafeBuffer(oi).putLong(69, 98_765_432L, JournalFormat.BYTE_ORDER);
        final InboundEvent readOi = new InboundEvent(LEVELS);
        InboundEventCodec.decode(new UnsafeBuffer(oi), oi.length, readOi);
        assertEquals(EventKind.MARKET_STATE, readOi.kind);
        assertEquals(MarketState.OPEN_INTEREST, readOi.marketStateFields);
        assertEquals(98_765_432L, readOi.openInterest);
    }

    /** A message of an older schema laid out by hand: the common header with {@code kindCode}, then a payload. */
    private static byte[] legacy(final int kindCode, final int payloadLength, final int version) {
        final InboundEvent header = new InboundEvent(LEVELS);
        header.kind = EventKind.TIMER;
        header.instrumentId = 0;
        final byte[] timer = encode(header, 3);
        final byte[] message = java.util.Arrays.copyOf(timer, 69 + payloadLength);
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        buffer.putShort(1, (short)version, JournalFormat.BYTE_ORDER);
        buffer.putByte(11, (byte)kindCode);
        return message;
    }

    /** Every kind of an older schema version is read unchanged: versions 4 and 5 only added kinds. */
    @ParameterizedTest
    @EnumSource(value = EventKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"OPERATOR", "ENGINE_STATUS", "MARKET_STATE"})
    void shouldReadMessagesOfTheOlderSchemaVersions(final EventKind kind) {
        final InboundEvent written = new InboundEvent(LEVELS);
        TestEvents.fill(written, kind, 3);
        final byte[] message = encode(written, 5);
        final int oldest = kind == EventKind.POSITION ? 2 : 1;
        for (int version = oldest; version < JournalFormat.SCHEMA_VERSION; version++) {
            new UnsafeBuffer(message).putShort(1, (short)version, JournalFormat.BYTE_ORDER);
            final InboundEvent read = new InboundEvent(LEVELS);
            assertEquals(5, InboundEventCodec.decode(new UnsafeBuffer(message), message.length, read), "version " + version);
            TestEvents.assertSameProducerFields(written, read);
        }
    }

    /** A kind that a later schema introduced cannot be in an older message: such a message is corrupt. */
    @Test
    void shouldRefuseAKindNewerThanItsMessagesSchemaVersion() {
        final InboundEvent operator = new InboundEvent(LEVELS);
        TestEvents.fill(operator, EventKind.OPERATOR, 1);
        final InboundEvent position = new InboundEvent(LEVELS);
        TestEvents.fill(position, EventKind.POSITION, 1);
        final Object[][] cases = {{operator, 3, "OPERATOR (code 13), which schema 4 introduced, in a schema 3 message"},
            {position, 1, "POSITION (code 12), which schema 2 introduced, in a schema 1 message"}};
        for (final Object[] c : cases) {
            final byte[] message = encode((InboundEvent)c[0], 1);
            new UnsafeBuffer(message).putShort(1, (short)(int)(Integer)c[1], JournalFormat.BYTE_ORDER);
            final JournalFormatException e = assertThrows(JournalFormatException.class,
                () -> InboundEventCodec.decode(new UnsafeBuffer(message), message.length, new InboundEvent(LEVELS)));
            assertTrue(e.getMessage().contains((String)c[2]), e.getMessage());
        }
    }

    /** As for kinds: a risk decision code of schema 3 (5 to 9) in an older order command is refused. */
    @ParameterizedTest
    @EnumSource(value = RiskDecision.class, names = {"MAX_POSITION", "MAX_ORDER_QTY", "MAX_ORDER_RATE", "BOOK_STALE",
        "KILL_SWITCH"})
    void shouldRefuseARiskDecisionNewerThanItsMessagesSchemaVersion(final RiskDecision decision) {
        final OrderCommand command = new OrderCommand();
        TestEvents.fill(command, decision, 1);
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        final UnsafeBuffer message;
        try {
            OrderCommandCodec.encode(command, 7, bytes);
            message = new UnsafeBuffer(bytes.toByteArray());
        } finally {
            bytes.releaseLast();
        }
        assertEquals(7, OrderCommandCodec.decode(message, message.capacity(), new OrderCommand()));
        message.putShort(1, (short)2, JournalFormat.BYTE_ORDER);
        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> OrderCommandCodec.decode(message, message.capacity(), new OrderCommand()));
        assertTrue(e.getMessage().contains("risk decision " + decision + " (code "), e.getMessage());
        assertTrue(e.getMessage().contains("which schema 3 introduced, in a schema 2 message"), e.getMessage());
    }

    /** A gateway status as a schema 3 writer laid it out, byte by byte: this build reads it. */
    @Test
    void shouldReadAGatewayStatusWrittenBySchemaVersion3() {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[69 + 5]);
        message.putByte(0, JournalFormat.TYPE_INBOUND_EVENT);
        message.putShort(1, (short)3, JournalFormat.BYTE_ORDER);
        message.putLong(3, 123, JournalFormat.BYTE_ORDER);
        message.putByte(11, (byte)10);
        message.putByte(12, (byte)1);
        message.putInt(13, 0, JournalFormat.BYTE_ORDER);
        message.putInt(17, 1, JournalFormat.BYTE_ORDER);
        message.putLong(29, InboundEvent.NONE, JournalFormat.BYTE_ORDER);
        message.putLong(37, 1_700_000_000_000_000_000L, JournalFormat.BYTE_ORDER);
        message.putLong(45, InboundEvent.NONE, JournalFormat.BYTE_ORDER);
        message.putLong(53, InboundEvent.NONE, JournalFormat.BYTE_ORDER);
        message.putLong(61, InboundEvent.NONE, JournalFormat.BYTE_ORDER);
        message.putByte(69, (byte)3);
        message.putInt(70, 2, JournalFormat.BYTE_ORDER);

        final InboundEvent read = new InboundEvent(LEVELS);
        assertEquals(123, InboundEventCodec.decode(message, message.capacity(), read));
        assertEquals(EventKind.GATEWAY_STATUS, read.kind);
        assertEquals(GatewayStatus.BOOK_INVALID, read.gatewayStatus);
        assertEquals(2, read.statusDetail);
        assertEquals(1, read.venueId);
        assertEquals(1_700_000_000_000_000_000L, read.receiveTimeNs);
        assertNull(read.operatorCommand);
    }

    private static byte[] encode(final EventKind kind) {
        final InboundEvent event = new InboundEvent(LEVELS);
        TestEvents.fill(event, kind, 2);
        return encode(event, 9);
    }

    private static byte[] encode(final InboundEvent event, final long sequence) {
        return TestEvents.encode(event, sequence);
    }
}
