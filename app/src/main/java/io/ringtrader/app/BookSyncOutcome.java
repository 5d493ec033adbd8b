package io.ringtrader.app;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import java.util.Locale;

/**
 * What became of a book-related event when {@code journal dump --with-book} ran the book stage over it.
 *
 * <p>Today only what the book stage itself shows is derived ({@link #of}): {@link #APPLIED},
 * {@link #REJECTED}, {@link #INVALIDATED}, and {@link #RESYNCED} from a {@code BOOK_RESYNCED} status. The
 * venue sync decisions {@link #STALE}, {@link #BUFFERED} and {@link #GAP} are made by the gateways (not built
 * yet), which will supply them with the events they publish; {@link #of} is the place to map them.
 */
enum BookSyncOutcome {
    /** The book took every level of the snapshot or delta. */
    APPLIED,
    /** The book refused at least one level (negative values, or a delta inside an unfinished snapshot). */
    REJECTED,
    /** A gateway reported a gap ({@code BOOK_INVALID}); the book is invalid until the next snapshot. */
    INVALIDATED,
    /** A delta the book already contains (not newer than the snapshot): dropped by the gateway. */
    STALE,
    /** A delta held by the gateway while it waits for a snapshot. */
    BUFFERED,
    /** A delta whose previous update id does not follow on: the gateway found a sequence gap. */
    GAP,
    /** The book is in sync again after a snapshot. */
    RESYNCED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case, as printed: {@code applied}. */
    String label() {
        return label;
    }

    /**
     * The outcome of an event the book stage has just handled, or null when the event is not about a book.
     *
     * @param rejectedLevels levels the book stage refused while handling this event.
     */
    static BookSyncOutcome of(final InboundEvent event, final long rejectedLevels) {
        final EventKind kind = event.kind;
        if (kind == EventKind.BOOK_SNAPSHOT || kind == EventKind.BOOK_DELTA) {
            return rejectedLevels > 0 ? REJECTED : APPLIED;
        }
        if (kind == EventKind.GATEWAY_STATUS) {
            if (event.gatewayStatus == GatewayStatus.BOOK_INVALID) {
                return INVALIDATED;
            }
            if (event.gatewayStatus == GatewayStatus.BOOK_RESYNCED) {
                return RESYNCED;
            }
        }
        return null;
    }
}
