package io.ringtrader.gateway.binance.user;

import io.ringtrader.engine.runtime.SessionTag;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Our client order ids on the venue, scoped to one gateway session: {@code newClientOrderId = "rt-" + tag + "-" + id},
 * where {@code id} is the engine's deterministic {@code long} (the same in every replay) and {@code tag} is this
 * session's, fixed when the gateway is built ({@link #newSession}: base 36 of the start time in ms, then three random
 * base-36 characters). A new session therefore never sends the venue id of an earlier session's order, whose updates
 * may still come on the user stream, and Binance never refuses a new order as a duplicate of an old open one.
 *
 * <pre>
 *   rt-lq2x3k9a0b7-1099511627777
 *   └┬┘└────┬────┘ └─────┬─────┘
 *  PREFIX   tag (1..12)    id (0 .. Long.MAX_VALUE, 1..19 digits)
 * </pre>
 *
 * Binance accepts {@code [.A-Z:/a-z0-9_-]{1,36}}; ours is at most 3 + {@link #MAX_TAG_LENGTH} + 1 + 19 = 35
 * characters ({@link #MAX_LENGTH}).
 *
 * <p>{@link #parse} tells apart: this session's ids (the {@code long}); another session's {@code rt-<tag>-<n>} and the
 * untagged {@code rt-<n>} of engines before session tags ({@link #OTHER_SESSION}, {@link #UNTAGGED}): orders of ours
 * but not of this session, never attributed to this session's orders; and every other id ({@link #NOT_OURS}: the
 * venue UI, liquidations {@code autoclose-...}, ADL). Immutable and thread-safe.
 */
public final class ClientOrderIds {
    /** The prefix of every order id this engine sends. */
    public static final String PREFIX = "rt-";
    /** The longest session tag. */
    public static final int MAX_TAG_LENGTH = SessionTag.MAX_LENGTH;
    /** The longest id this class formats (Binance allows 36). */
    public static final int MAX_LENGTH = PREFIX.length() + MAX_TAG_LENGTH + 1 + 19;
    /** {@link #parse}: an id not placed by this engine. */
    public static final long NOT_OURS = Long.MIN_VALUE;
    /** {@link #parse}: an id of ours with another session's tag. */
    public static final long OTHER_SESSION = Long.MIN_VALUE + 1;
    /** {@link #parse}: an id of ours without a session tag ({@code rt-<n>}, engines before session tags). */
    public static final long UNTAGGED = Long.MIN_VALUE + 2;

    /** Random base-36 characters after the start time: two gateways started in one ms differ 46,655 times in 46,656. */
    private static final int PREFIX_LENGTH = PREFIX.length();
    private static final int MAX_ID_DIGITS = 19;
    /** Tag characters as digits 1..36 of a bijective base 37: a tag of up to 12 is one long (37^12 < 2^63). */
    private static final int TAG_CODE_BASE = 37;

    private final String tag;
    /** {@code "rt-" + tag + "-"}. */
    private final String sessionPrefix;
    private final long tagCode;

    /**
     * @param tag this session's tag: 1 to {@link #MAX_TAG_LENGTH} of {@code [0-9a-z]}.
     */
    public ClientOrderIds(final String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG_LENGTH || !isTag(tag)) {
            throw new IllegalArgumentException("session tag must be 1.." + MAX_TAG_LENGTH + " of [0-9a-z]: " + tag);
        }
        this.tag = tag;
        this.sessionPrefix = PREFIX + tag + '-';
        long code = 0;
        for (int i = 0; i < tag.length(); i++) {
            code = code * TAG_CODE_BASE + tagDigit((byte)tag.charAt(i));
        }
        this.tagCode = code;
    }

    /** The ids of a session started at {@code startEpochMs}, with a tag from that time and a random salt. */
    public static ClientOrderIds newSession(final long startEpochMs) {
        return new ClientOrderIds(SessionTag.create(startEpochMs, new SecureRandom()).value());
    }

    /**
     * The tag of a session started at {@code startEpochMs}: the time in base 36 (8 characters until 2059, 9 until
     * 5188, so the tag stays within {@link #MAX_TAG_LENGTH}), then {@code salt} as three base-36 characters.
     *
     * @param salt 0 .. 36^3 - 1.
     */
    public static String sessionTag(final long startEpochMs, final int salt) {
        return SessionTag.of(startEpochMs, salt).value();
    }

    /** This session's tag. */
    public String tag() {
        return tag;
    }

    /** How this session's ids look on the venue, for logs: {@code rt-<tag>-<n>}. */
    public String pattern() {
        return sessionPrefix + "<n>";
    }

    /**
     * The venue id of our {@code clientOrderId} (allocates; REST path).
     *
     * @throws IllegalArgumentException for a negative id (the engine issues positive ones).
     */
    public String format(final long clientOrderId) {
        if (clientOrderId < 0) {
            throw new IllegalArgumentException("client order id must not be negative: " + clientOrderId);
        }
        return sessionPrefix + clientOrderId;
    }

    /**
     * This session's id back from a venue id held in a buffer, or {@link #OTHER_SESSION}, {@link #UNTAGGED} or
     * {@link #NOT_OURS}. Allocation-free.
     */
    public long parse(final DirectBuffer buffer, final int offset, final int length) {
        if (length <= PREFIX_LENGTH || buffer.getByte(offset) != 'r' || buffer.getByte(offset + 1) != 't'
            || buffer.getByte(offset + 2) != '-') {
            return NOT_OURS;
        }
        // "rt-" then a run of [0-9a-z]: digits up to the end are untagged, a tag when "-<n>" follows.
        final int start = offset + PREFIX_LENGTH;
        final int end = offset + length;
        long code = 0;
        int i = start;
        while (i < end) {
            final int digit = tagDigit(buffer.getByte(i));
            if (digit == 0) {
                break;
            }
            if (i - start < MAX_TAG_LENGTH) {
                code = code * TAG_CODE_BASE + digit;
            }
            i++;
        }
        if (i == end) {
            return digits(buffer, start, i - start) < 0 ? NOT_OURS : UNTAGGED;
        }
        if (i == start || i - start > MAX_TAG_LENGTH || buffer.getByte(i) != '-') {
            return NOT_OURS;
        }
        final long id = digits(buffer, i + 1, end - i - 1);
        return id < 0 ? NOT_OURS : code == tagCode ? id : OTHER_SESSION;
    }

    /** As {@link #parse(DirectBuffer, int, int)} for a venue id as text ({@code null}: {@link #NOT_OURS}); allocates. */
    public long parse(final String venueId) {
        if (venueId == null) {
            return NOT_OURS;
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(venueId.getBytes(StandardCharsets.US_ASCII));
        return parse(buffer, 0, buffer.capacity());
    }

    @Override
    public String toString() {
        return pattern();
    }

    /** 1..19 decimal digits as {@link #format} writes them (no sign, no leading zero) as a long, or -1. */
    private static long digits(final DirectBuffer buffer, final int offset, final int length) {
        if (length <= 0 || length > MAX_ID_DIGITS || buffer.getByte(offset) == '-'
            || length > 1 && buffer.getByte(offset) == '0') {
            return -1;
        }
        final long value = JsonScanner.parseLong(buffer, offset, length);
        return value == JsonScanner.INVALID_LONG ? -1 : value;
    }

    private static boolean isTag(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c > 'z' || tagDigit((byte)c) == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code [0-9a-z]} as 1..36; 0 for any other byte. */
    private static int tagDigit(final byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0' + 1;
        }
        return b >= 'a' && b <= 'z' ? b - 'a' + 11 : 0;
    }
}
