package io.ringtrader.recorder;

import io.ringtrader.engine.event.OrderCommand;
import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.bytes.BytesUtil;
import org.agrona.DirectBuffer;

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
 *  16      1     reduceOnly ('Y' or 'N', as Chronicle writes booleans)
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
    private static final ByteOrder ORDER = JournalFormat.BYTE_ORDER;

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
     * Reads the message of {@code length} bytes at the start of {@code message} into {@code into}, which is
     * {@link OrderCommand#reset() reset} first.
     *
     * @return the outbound ring sequence the command was journaled with.
     * @throws JournalFormatException if the message is not a readable order command of this schema version.
     */
    public static long decode(final DirectBuffer message, final int length, final OrderCommand into) {
        final int version = JournalFormat.readHeader(message, length, JournalFormat.TYPE_ORDER_COMMAND);
        if (length != LENGTH) {
            throw new JournalFormatException("is " + length + " bytes long: an order command is " + LENGTH);
        }
        into.reset();
        final long sequence = message.getLong(3, ORDER);
        into.action = WireCodes.action(message.getByte(11));
        into.side = WireCodes.side(message.getByte(12));
        into.type = WireCodes.orderType(message.getByte(13));
        into.timeInForce = WireCodes.timeInForce(message.getByte(14));
        into.decision = WireCodes.decision(message.getByte(15), version);
        into.reduceOnly = BytesUtil.byteToBoolean(message.getByte(16));
        into.instrumentId = message.getInt(17, ORDER);
        into.venueId = message.getInt(21, ORDER);
        into.strategyId = message.getInt(25, ORDER);
        into.clientOrderId = message.getLong(29, ORDER);
        into.priceMantissa = message.getLong(37, ORDER);
        into.qtyMantissa = message.getLong(45, ORDER);
        into.causeSequence = message.getLong(53, ORDER);
        into.causeExchangeTimeNs = message.getLong(61, ORDER);
        into.causeReceiveTimeNs = message.getLong(69, ORDER);
        return sequence;
    }
}
