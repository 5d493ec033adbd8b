package io.ringtrader.gateway.binance.user;

import io.ringtrader.gateway.binance.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Our {@code long} client order ids on the venue: {@code newClientOrderId = "rt-" + id} (Binance allows
 * {@code [.A-Z:/a-z0-9_-]{1,36}}; ours is at most 23 characters). Orders whose id lacks the prefix were not placed
 * by this engine (the venue UI, liquidation {@code autoclose-...}, ADL): {@link #parse} reports them as
 * {@link #NOT_OURS}. Stateless and thread-safe.
 */
public final class ClientOrderIds {
    /** The prefix of every order id this engine sends. */
    public static final String PREFIX = "rt-";
    /** Returned by {@link #parse} for an id that is not ours. */
    public static final long NOT_OURS = Long.MIN_VALUE;

    private static final int PREFIX_LENGTH = PREFIX.length();

    private ClientOrderIds() {
    }

    /** The venue id for our {@code clientOrderId} (allocates; REST path). */
    public static String format(final long clientOrderId) {
        return PREFIX + clientOrderId;
    }

    /** Our id back from a venue id held in a buffer, or {@link #NOT_OURS}. Allocation-free. */
    public static long parse(final DirectBuffer buffer, final int offset, final int length) {
        if (length <= PREFIX_LENGTH) {
            return NOT_OURS;
        }
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            if (buffer.getByte(offset + i) != PREFIX.charAt(i)) {
                return NOT_OURS;
            }
        }
        final long id = JsonScanner.parseLong(buffer, offset + PREFIX_LENGTH, length - PREFIX_LENGTH);
        return id == JsonScanner.INVALID_LONG ? NOT_OURS : id;
    }

    /** Our id back from a venue id, or {@link #NOT_OURS} (null included). */
    public static long parse(final String venueId) {
        if (venueId == null || !venueId.startsWith(PREFIX) || venueId.length() == PREFIX_LENGTH) {
            return NOT_OURS;
        }
        try {
            return Long.parseLong(venueId, PREFIX_LENGTH, venueId.length(), 10);
        } catch (final NumberFormatException e) {
            return NOT_OURS;
        }
    }
}
