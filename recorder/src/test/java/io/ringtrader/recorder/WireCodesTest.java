package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WireCodesTest {
    @Test
    void shouldGiveEveryEnumConstantADistinctCodeThatDecodesBack() {
        assertCodes(EventKind.values(), WireCodes::code, WireCodes::eventKind);
        assertCodes(OrderSide.values(), WireCodes::code, WireCodes::side);
        assertCodes(ExecType.values(), WireCodes::code, WireCodes::execType);
        assertCodes(GatewayStatus.values(), WireCodes::code, WireCodes::gatewayStatus);
        assertCodes(OperatorCommand.values(), WireCodes::code, WireCodes::operatorCommand);
        assertCodes(OrderAction.values(), WireCodes::code, WireCodes::action);
        assertCodes(OrderType.values(), WireCodes::code, WireCodes::orderType);
        assertCodes(TimeInForce.values(), WireCodes::code, WireCodes::timeInForce);
        assertCodes(RiskDecision.values(), WireCodes::code, WireCodes::decision);
        assertCodes(JournalStream.values(), WireCodes::code, WireCodes::streamOrNull);
    }

    @Test
    void shouldKeepTheCodesAlreadyWrittenToJournals() {
        assertEquals(1, WireCodes.code(EventKind.BOOK_SNAPSHOT));
        assertEquals(4, WireCodes.code(EventKind.TRADE));
        assertEquals(11, WireCodes.code(EventKind.DISCARDED));
        assertEquals(12, WireCodes.code(EventKind.POSITION));
        assertEquals(13, WireCodes.code(EventKind.OPERATOR));
        assertEquals(14, WireCodes.code(EventKind.ENGINE_STATUS));
        assertEquals(15, WireCodes.code(EventKind.MARKET_STATE));
        assertEquals(EventKind.MARKET_STATE, WireCodes.eventKind((byte)6), "schema 1-5 MARK_PRICE reads as a market state");
        assertEquals(EventKind.MARKET_STATE, WireCodes.eventKind((byte)7), "schema 1-5 OPEN_INTEREST reads as a market state");
        assertEquals(1, WireCodes.code(EngineStatus.JOURNAL_FAILED));
        assertEquals(4, WireCodes.code(EngineStatus.DISK_OK));
        assertEquals(5, WireCodes.code(GatewayStatus.ORDER_ENTRY_HALTED));
        assertEquals(10, WireCodes.code(RiskDecision.TRADING_HALTED));
        assertEquals(16, WireCodes.code(RiskDecision.PRICE_OUT_OF_BAND));
        assertEquals(17, WireCodes.code(RiskDecision.VENUE_NOT_ENABLED));
        assertEquals(1, WireCodes.code(OperatorCommand.KILL_SWITCH_TRIP));
        assertEquals(2, WireCodes.code(OperatorCommand.KILL_SWITCH_RESET));
        assertEquals(3, WireCodes.code(OperatorCommand.STRATEGY_RESUME));
        assertEquals(4, WireCodes.code(GatewayStatus.BOOK_RESYNCED));
        assertEquals(2, WireCodes.code(OrderSide.SELL));
        assertEquals(2, WireCodes.code(RiskDecision.ACCEPTED));
        assertEquals(4, WireCodes.code(RiskDecision.INVALID_ORDER));
        assertEquals(5, WireCodes.code(RiskDecision.MAX_POSITION));
        assertEquals(9, WireCodes.code(RiskDecision.KILL_SWITCH));
        assertEquals(4, WireCodes.code(TimeInForce.GTX));
        assertEquals(1, WireCodes.code(JournalStream.INBOUND));
        assertEquals(2, WireCodes.code(JournalStream.OUTBOUND));
        assertEquals(3, WireCodes.code(JournalStream.RAW));
    }

    @Test
    void shouldKnowTheSchemaVersionThatIntroducedEveryCode() {
        for (final EventKind kind : EventKind.values()) {
            final int since = kind == EventKind.POSITION ? 2 : kind == EventKind.OPERATOR ? 4
                : kind == EventKind.ENGINE_STATUS ? 5 : kind == EventKind.MARKET_STATE ? 6 : 1;
            assertEquals(kind, WireCodes.eventKind(WireCodes.code(kind), since), kind.name());
            assertEquals(kind, WireCodes.eventKind(WireCodes.code(kind), JournalFormat.SCHEMA_VERSION), kind.name());
        }
        for (final RiskDecision decision : RiskDecision.values()) {
            final int code = WireCodes.code(decision);
            final int since = code >= 17 ? 6 : code >= 10 ? 5 : code >= 5 ? 3 : 1;
            assertEquals(decision, WireCodes.decision(WireCodes.code(decision), since), decision.name());
            if (since > 1) {
                assertThrows(JournalFormatException.class, () -> WireCodes.decision(WireCodes.code(decision), since - 1));
            }
        }
        for (final GatewayStatus status : GatewayStatus.values()) {
            final int since = status == GatewayStatus.ORDER_ENTRY_HALTED ? 5 : 1;
            assertEquals(status, WireCodes.gatewayStatus(WireCodes.code(status), since), status.name());
        }
        assertThrows(JournalFormatException.class, () -> WireCodes.gatewayStatus(WireCodes.code(GatewayStatus.ORDER_ENTRY_HALTED), 4));
        for (final OperatorCommand command : OperatorCommand.values()) {
            final int since = command == OperatorCommand.STRATEGY_RESUME ? 5 : 4;
            assertEquals(command, WireCodes.operatorCommand(WireCodes.code(command), since), command.name());
        }
        assertThrows(JournalFormatException.class,
            () -> WireCodes.operatorCommand(WireCodes.code(OperatorCommand.STRATEGY_RESUME), 4));
    }

    @Test
    void shouldRefuseAnUnknownCode() {
        final JournalFormatException e = assertThrows(JournalFormatException.class, () -> WireCodes.eventKind((byte)16));
        assertEquals("has unknown event kind code 16", e.getMessage());
    }

    private static <E extends Enum<E>> void assertCodes(final E[] values, final Function<E, Byte> encode, final Function<Byte, E> decode) {
        final Set<Byte> seen = new HashSet<>();
        for (final E value : values) {
            final byte code = encode.apply(value);
            assertTrue(code != 0, value + " must not use code 0 (null)");
            assertTrue(seen.add(code), value + " shares code " + code);
            assertEquals(value, decode.apply(code));
        }
        assertNull(decode.apply((byte)0));
    }
}
