package io.ringtrader.recorder;

import io.ringtrader.engine.event.OrderCommand;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * Encodes an {@link OrderCommand} with its risk decision and outbound ring sequence, and decodes it back.
 *
 * <pre>
 *  offset  size  field
 *  0       1     type 'O'
 *  1       2     schema version
 *  3       8     outbound ring sequence
 *  11      1     action code
 *  12      1     side code
 *  13      1     order type code
 *  14      1     time-in-force code
 *  15      1     risk decision code
 *  16      1     reduceOnly (0 or 1)
 *  17      4     instrumentId
 *  21      4     venueId
 *  25      4     strategyId
 *  29      8     clientOrderId
 *  37      8     priceMantissa
 *  45      8     qtyMantissa
 *  53      8     causeSequence
 *  61      8     causeExchangeTimeNs
 *  69      8     causeReceiveTimeNs
 *  77            end
 * </pre>
 *
 * <p>Stateless: safe from any thread. {@link #encode} and {@link #decode} do not allocate.
 */
public final class OrderCommandCodec {
    /** Bytes of one encoded command. */
    public static final int LENGTH = 77;

    private OrderCommandCodec() {
    }

    /** Writes one message for {@code command} at {@code out}'s write position. */
    public static void encode(final OrderCommand command, final long sequence, final BytesOut<?> out) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_ORDER_COMMAND);
        out.writeLong(sequence);
        out.writeByte(WireCodes.code(command.action));
        out.writeByte(WireCodes.code(command.side));
        out.writeByte(WireCodes.code(command.type));
        out.writeByte(WireCodes.code(command.timeInForce));
        out.writeByte(WireCodes.code(command.decision));
        out.writeBoolean(command.reduceOnly);
        out.writeInt(command.instrumentId);
        out.writeInt(command.venueId);
        out.writeInt(command.strategyId);
        out.writeLong(command.clientOrderId);
        out.writeLong(command.priceMantissa);
        out.writeLong(command.qtyMantissa);
        out.writeLong(command.causeSequence);
        out.writeLong(command.causeExchangeTimeNs);
        out.writeLong(command.causeReceiveTimeNs);
    }

    /**
     * Reads one message into {@code into}, which is {@link OrderCommand#reset() reset} first.
     *
     * @param in positioned at the message's first byte, limited to its end.
     * @return the outbound ring sequence the command was journaled with.
     * @throws JournalFormatException if the message is not a readable order command of this schema version.
     */
    public static long decode(final BytesIn<?> in, final OrderCommand into) {
        final int version = JournalFormat.readHeader(in, JournalFormat.TYPE_ORDER_COMMAND);
        into.reset();
        final long sequence = in.readLong();
        into.action = WireCodes.action(in.readByte());
        into.side = WireCodes.side(in.readByte());
        into.type = WireCodes.orderType(in.readByte());
        into.timeInForce = WireCodes.timeInForce(in.readByte());
        into.decision = WireCodes.decision(in.readByte(), version);
        into.reduceOnly = in.readBoolean();
        into.instrumentId = in.readInt();
        into.venueId = in.readInt();
        into.strategyId = in.readInt();
        into.clientOrderId = in.readLong();
        into.priceMantissa = in.readLong();
        into.qtyMantissa = in.readLong();
        into.causeSequence = in.readLong();
        into.causeExchangeTimeNs = in.readLong();
        into.causeReceiveTimeNs = in.readLong();
        JournalFormat.requireFullyRead(in, "order command");
        return sequence;
    }
}
