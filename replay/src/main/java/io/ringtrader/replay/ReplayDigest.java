package io.ringtrader.replay;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.recorder.WireCodes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The determinism digest of a session: SHA-256 over every order command the router produced (with its
 * risk decision) and every fill, each encoded field by field in a fixed binary layout. Two runs over the
 * same journal with the same code and config must print the same digest.
 *
 * <p>Enums are hashed as their journal codes ({@link WireCodes}, 0 for none), never as ordinals, so adding or
 * reordering an enum constant never changes the digest of an old journal (schema 6 changed the digest to this
 * definition once; see {@link io.ringtrader.recorder.JournalFormat#SCHEMA_VERSION}).
 *
 * <p>Timestamps of the local clock are left out on purpose (they differ between a live session and its
 * replay); everything that is a decision, and the event times it was taken at, is in.
 *
 * <p>Single-threaded; allocation-free per update.
 */
public final class ReplayDigest {
    private static final byte COMMAND = 1;
    private static final byte FILL = 2;

    private final MessageDigest sha256;
    private final ByteBuffer scratch = ByteBuffer.allocate(128);
    private long commands;
    private long fills;

    public ReplayDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Adds an order command. */
    public void onCommand(final OrderCommand command) {
        scratch.clear();
        scratch.put(COMMAND)
            .put(WireCodes.code(command.action))
            .putInt(command.instrumentId)
            .putInt(command.venueId)
            .putInt(command.strategyId)
            .putLong(command.clientOrderId)
            .put(WireCodes.code(command.side))
            .put(WireCodes.code(command.type))
            .put(WireCodes.code(command.timeInForce))
            .putLong(command.priceMantissa)
            .putLong(command.qtyMantissa)
            .put((byte)(command.reduceOnly ? 1 : 0))
            .put(WireCodes.code(command.decision))
            .putLong(command.causeExchangeTimeNs);
        update();
        commands++;
    }

    /** Adds the event if it is a fill; ignores everything else. */
    public void onEvent(final InboundEvent event) {
        if (event.kind != EventKind.EXECUTION_REPORT || event.execType != ExecType.FILL) {
            return;
        }
        scratch.clear();
        scratch.put(FILL)
            .putInt(event.instrumentId)
            .putLong(event.clientOrderId)
            .putLong(event.venueOrderId)
            .put(WireCodes.code(event.execSide))
            .putLong(event.lastFillPrice)
            .putLong(event.lastFillQty)
            .putLong(event.cumFillQty)
            .putLong(event.leavesQty)
            .putLong(event.execFee)
            .put((byte)(event.execMaker ? 1 : 0))
            .putLong(event.exchangeTimeNs);
        update();
        fills++;
    }

    public long commands() {
        return commands;
    }

    public long fills() {
        return fills;
    }

    /** {@code sha256:<hex>} over everything added so far; ends the digest (call once). */
    public String finish() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private void update() {
        scratch.flip();
        sha256.update(scratch);
    }
}
