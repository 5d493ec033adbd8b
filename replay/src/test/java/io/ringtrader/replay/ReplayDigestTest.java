package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The digest's definition, byte by byte: enums enter it as their journal codes (WireCodes), so a new or reordered
 * enum constant cannot change the digest of an old journal. The expected bytes are written out here by hand.
 */
class ReplayDigestTest {
    @Test
    void shouldHashAnOrderCommandsEnumsAsTheirJournalCodes() throws Exception {
        final OrderCommand command = new OrderCommand();
        command.action = OrderAction.CANCEL;
        command.instrumentId = 1;
        command.venueId = 1;
        command.strategyId = 3;
        command.clientOrderId = 42;
        command.side = OrderSide.SELL;
        command.type = OrderType.LIMIT;
        command.timeInForce = TimeInForce.GTX;
        command.priceMantissa = 6_180_010;
        command.qtyMantissa = 2;
        command.reduceOnly = true;
        command.decision = RiskDecision.KILL_SWITCH;
        command.causeExchangeTimeNs = InboundEvent.NONE;
        final ReplayDigest digest = new ReplayDigest();
        digest.onCommand(command);

        final ByteBuffer expected = ByteBuffer.allocate(128)
            .put((byte)1)                       // a command
            .put((byte)2)                       // CANCEL: code 2 (ordinal 1)
            .putInt(1).putInt(1).putInt(3).putLong(42)
            .put((byte)2)                       // SELL: code 2 (ordinal 1)
            .put((byte)1)                       // LIMIT: code 1 (ordinal 0)
            .put((byte)4)                       // GTX: code 4 (ordinal 3)
            .putLong(6_180_010).putLong(2)
            .put((byte)1)                       // reduce only
            .put((byte)9)                       // KILL_SWITCH: code 9 (ordinal 8)
            .putLong(InboundEvent.NONE);
        assertEquals(sha256(expected), digest.finish());
    }

    @Test
    void shouldHashAFillsSideAsItsJournalCodeAndNoSideAsZero() throws Exception {
        final ReplayDigest digest = new ReplayDigest();
        digest.onEvent(fill(OrderSide.BUY));
        digest.onEvent(fill(null));

        final ByteBuffer expected = ByteBuffer.allocate(256);
        fillBytes(expected, (byte)1);           // BUY: code 1 (ordinal 0)
        fillBytes(expected, (byte)0);           // no side: code 0 (was -1)
        assertEquals(sha256(expected), digest.finish());
        assertEquals(2, digest.fills());
    }

    private static InboundEvent fill(final OrderSide side) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.EXECUTION_REPORT;
        event.execType = ExecType.FILL;
        event.instrumentId = 0;
        event.clientOrderId = 7;
        event.venueOrderId = 9_007;
        event.execSide = side;
        event.lastFillPrice = 6_180_000;
        event.lastFillQty = 1;
        event.cumFillQty = 1;
        event.leavesQty = 0;
        event.execFee = 25;
        event.execMaker = false;
        event.exchangeTimeNs = 1_723_161_600_000_000_000L;
        return event;
    }

    private static void fillBytes(final ByteBuffer out, final byte side) {
        out.put((byte)2).putInt(0).putLong(7).putLong(9_007).put(side).putLong(6_180_000).putLong(1).putLong(1).putLong(0)
            .putLong(25).put((byte)0).putLong(1_723_161_600_000_000_000L);
    }

    private static String sha256(final ByteBuffer bytes) throws Exception {
        bytes.flip();
        final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(bytes);
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
