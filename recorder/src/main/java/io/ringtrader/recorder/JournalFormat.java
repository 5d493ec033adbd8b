package io.ringtrader.recorder;

import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesOut;
import org.agrona.DirectBuffer;

/**
 * The journal's binary format: the schema version, the message header every message starts with and the
 * checksum every message of schema {@value #CHECKSUM_SINCE} and later ends with.
 *
 * <pre>
 *  offset  size  field
 *  0       1     message type   'I' inbound event, 'O' order command, 'R' raw frame, 'S' session (metadata)
 *  1       2     schema version unsigned, {@value #SCHEMA_VERSION} for this build
 *  3       ...   the type's body (see {@link InboundEventCodec}, {@link OrderCommandCodec},
 *                {@link RawFrameCodec}, {@link JournalSession})
 *  n - 4   4     CRC32C of bytes 0 .. n - 5 (type, version and body), u32; schema 5 and later only
 * </pre>
 *
 * Each message is one Chronicle Queue document: the queue frames it with a 4-byte length word (see
 * {@link JournalReader}), the codecs lay out the header and body, and the writer appends the checksum
 * trailer to every message it writes ({@code QueueWriter}). Every reader verifies the trailer before it
 * decodes a byte of the body; a message of schema 4 or earlier has none and is read as <em>unchecked</em>.
 * A newer schema keeps the trailer where it is, so a message too new to decode can still be told damaged
 * or intact.
 *
 * <p>Numbers are fixed-width little-endian (Chronicle Bytes' order on x86-64 and AArch64) unless a layout
 * says otherwise. Enums are written as explicit one-byte codes ({@link WireCodes}), never ordinals, so reordering
 * an enum cannot change what an old journal means. Any change to a layout bumps {@link #SCHEMA_VERSION}; a
 * reader refuses messages of a version newer than its own.
 *
 * <p>Stateless; safe from any thread.
 */
public final class JournalFormat {
    /**
     * The schema version this build writes and the newest it reads. Every version reads the journals of the
     * versions before it unchanged (a change only adds codes or kinds; no existing layout moved):
     * <ol>
     *   <li>the first layout;</li>
     *   <li>adds the POSITION inbound event (kind code 12);</li>
     *   <li>adds the risk decisions MAX_POSITION, MAX_ORDER_QTY, MAX_ORDER_RATE, BOOK_STALE and KILL_SWITCH
     *       (codes 5 to 9);</li>
     *   <li>adds the OPERATOR inbound event (kind code 13: an operator's command, such as the kill switch
     *       tripped or reset over JMX, sequenced and replayed like market data) with its command codes
     *       KILL_SWITCH_TRIP 1 and KILL_SWITCH_RESET 2 and a source ({@code 1}: JMX);</li>
     *   <li>adds the ENGINE_STATUS inbound event (kind code 14: status code u8 — JOURNAL_FAILED 1, DISK_LOW 2,
     *       DISK_CRITICAL 3, DISK_OK 4 — and a detail i32), the gateway status ORDER_ENTRY_HALTED (code 5), and the
     *       risk decisions TRADING_HALTED, REDUCE_ONLY, VENUE_HALTED, STRATEGY_PAUSED, BELOW_MIN_NOTIONAL,
     *       ABOVE_VENUE_MAX_QTY and PRICE_OUT_OF_BAND (codes 10 to 16), the operator command STRATEGY_RESUME (code 3)
     *       and, after an OPERATOR event's source, its target i32 (the strategy id a command acts on, -1 for none or
     *       all); and the CRC32C trailer at the end of every message, the session header included (see
     *       {@link #CHECKSUM_SINCE}).</li>
     *   <li>adds to the session header ({@link JournalSession}) its kind (1: a writer opened the queue; 2: the same
     *       writer rolled into a new cycle file, where it now repeats its header after the file's first message) and
     *       the journal's manifest ({@link JournalManifest}): the engine version, the session tag, the config's hash and
     *       the instrument table (id, venue, symbol, price and quantity scales, tick, lot and contract size), so readers
     *       no longer need the config to know what an instrument id means; a session header may now be up to 1 MiB.
     *       A TIMER's {@code exchangeTimeNs} is {@code NONE}: a timer has no venue time (schema 5 and earlier wrote the
     *       tick's scheduled local time there; readers return old messages as written, so an old journal replays and
     *       verifies as it was recorded). Not a layout change, recorded here because it changes every digest once: the
     *       replay digest hashes enums as their {@link WireCodes} codes, no longer as ordinals (null: 0, no longer -1),
     *       so a new enum constant never changes an old journal's digest. Adds the MARKET_STATE inbound event (kind code 15: field bits i32, then markPrice, indexPrice,
     *       fundingRate, nextFundingTimeNs, fundingIntervalNs and openInterest, i64 each, {@code NONE} where absent),
     *       which replaces MARK_PRICE (code 6) and OPEN_INTEREST (code 7): a schema 6 writer writes neither, and a
     *       reader turns those of older journals into MARKET_STATE events with the fields they held.; and the risk decision VENUE_NOT_ENABLED (code 17: a command for a venue that takes no
     *       orders in the session, refused before the outbound ring).</li>
     * </ol>
     */
    public static final int SCHEMA_VERSION = 6;

    public static final byte TYPE_INBOUND_EVENT = 'I';
    public static final byte TYPE_ORDER_COMMAND = 'O';
    public static final byte TYPE_RAW_FRAME = 'R';
    /** A session header, written as Chronicle metadata when a writer starts (see {@link JournalSession}). */
    public static final byte TYPE_SESSION = 'S';

    /** Bytes of the message header. */
    public static final int HEADER_LENGTH = 3;
    /** The first schema version whose messages end with a CRC32C trailer. */
    public static final int CHECKSUM_SINCE = 5;
    /** Bytes of the checksum trailer. */
    public static final int TRAILER_LENGTH = 4;
    /** The byte order of every number in a message. */
    static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private JournalFormat() {
    }

    static void writeHeader(final BytesOut<?> out, final byte type) {
        out.writeByte(type);
        out.writeUnsignedShort(SCHEMA_VERSION);
    }

    /** Whether a message of {@code version} ends with a checksum trailer. */
    static boolean isChecked(final int version) {
        return version >= CHECKSUM_SINCE;
    }

    /**
     * Checks the header of the message of {@code length} bytes at the start of {@code message}.
     *
     * @return the message's schema version.
     * @throws JournalFormatException for a newer or invalid schema version, or another message type.
     */
    static int readHeader(final DirectBuffer message, final int length, final byte expectedType) {
        if (length < HEADER_LENGTH) {
            throw new JournalFormatException("is " + length + " bytes long: shorter than a message header");
        }
        final int version = message.getShort(1, BYTE_ORDER) & 0xFFFF;
        checkHeader(message.getByte(0), version, expectedType);
        return version;
    }

    private static void checkHeader(final byte type, final int version, final byte expectedType) {
        if (version > SCHEMA_VERSION) {
            throw new JournalFormatException("has schema version " + version + ", this build reads up to " + SCHEMA_VERSION);
        }
        if (version < 1) {
            throw new JournalFormatException("has schema version " + version + ": not a RingTrader journal message");
        }
        if (type != expectedType) {
            throw new JournalFormatException("is of message type " + typeName(type) + ", expected " + typeName(expectedType));
        }
    }

    static String typeName(final byte type) {
        switch (type) {
            case TYPE_INBOUND_EVENT:
                return "'I' (inbound event)";
            case TYPE_ORDER_COMMAND:
                return "'O' (order command)";
            case TYPE_RAW_FRAME:
                return "'R' (raw frame)";
            case TYPE_SESSION:
                return "'S' (session)";
            default:
                return "0x" + Integer.toHexString(type & 0xFF) + " (unknown)";
        }
    }
}
