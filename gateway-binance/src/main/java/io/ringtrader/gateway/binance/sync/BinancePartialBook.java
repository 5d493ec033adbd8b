package io.ringtrader.gateway.binance.sync;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.BookTranslators;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.GatewayStatusTranslator;

/**
 * Keeps one instrument's book from Binance's partial book depth stream ({@code <symbol>@depth<N>}, N = 5, 10 or 20, at
 * 250, 500 or 100 ms). A frame has the shape of a diff ({@code depthUpdate} with {@code U}, {@code u}, {@code pu}) but
 * holds the current top N levels of each side with absolute quantities: it replaces the top of the book, it is not a
 * diff to apply. Each accepted frame is therefore published as one {@link EventKind#BOOK_SNAPSHOT} (the kind and
 * translator of the REST snapshot path, carrying the frame's {@code U}/{@code u}/{@code pu}), on which the book stage
 * replaces the whole book with those levels; it is journaled like every event, so replay rebuilds the same books. No
 * REST snapshot is ever needed.
 * <pre>
 * AWAITING_FRAME  frame           → BOOK_SNAPSHOT → VALID
 * VALID           frame, u &lt;= last accepted u → stale, dropped
 *                 frame           → BOOK_SNAPSHOT
 *                 stream interrupted → BOOK_INVALID (DETAIL_STREAM_INTERRUPTED) → INVALID
 *                 snapshot not published (ring full) → BOOK_INVALID (DETAIL_PUBLISH_FAILED) → INVALID
 * INVALID         frame (not stale) → BOOK_SNAPSHOT, BOOK_RESYNCED → VALID
 * </pre>
 * After an interruption the next frame is accepted whatever its {@code u} (the frames of a new connection need not
 * continue the old one's ids); otherwise a frame whose {@code u} is not newer than the last accepted one is a
 * duplicate or arrived late and is dropped. A status event that cannot be published either (the ring is still full)
 * is counted; the next frame that publishes makes the book valid again in any case. The statuses are those of
 * {@link BinanceBookSync}, so downstream stages see one mechanism whatever keeps the book.
 *
 * <p>Runs on the gateway's IO thread (or the capture importer's thread), once per frame, without allocating: the
 * decoder's staging is published as it is. Not thread-safe.
 */
public final class BinancePartialBook {
    /** Where the book is. */
    public enum State { AWAITING_FRAME, VALID, INVALID }

    private final int instrumentId;
    private final EventSink sink;
    private final GatewayStatusTranslator status = new GatewayStatusTranslator(Venue.BINANCE_USDM.id());
    private State state = State.AWAITING_FRAME;
    private long lastUpdateId = InboundEvent.NONE;

    private long applied;
    private long stale;
    private long resyncs;
    private long interruptions;
    private long publishFailures;

    /**
     * @param instrumentId the instrument this book is of.
     * @param sink         where book events go.
     */
    public BinancePartialBook(final int instrumentId, final EventSink sink) {
        this.instrumentId = instrumentId;
        this.sink = sink;
    }

    /** A decoded partial-depth frame for this instrument, in arrival order; read, not kept. */
    public void onFrame(final DepthStaging frame) {
        if (frame.lastUpdateId <= lastUpdateId) {
            stale++;
            return;
        }
        if (!sink.publishBatch(frame.slotsNeeded(sink.levelsPerSlot()), BookTranslators.SNAPSHOT, frame)) {
            publishFailures++;
            if (state == State.VALID) {
                invalidate(BinanceBookSync.DETAIL_PUBLISH_FAILED, frame.receiveTimeNs);
            }
            return;
        }
        applied++;
        lastUpdateId = frame.lastUpdateId;
        if (state == State.INVALID) {
            resyncs++;
            publishStatus(GatewayStatus.BOOK_RESYNCED, 0, frame.receiveTimeNs);
        }
        state = State.VALID;
    }

    /**
     * The stream feeding this book was interrupted (the connection dropped): a valid book is invalidated at once
     * ({@link GatewayStatus#BOOK_INVALID}, {@link BinanceBookSync#DETAIL_STREAM_INTERRUPTED}); the next frame, whatever
     * its {@code u}, makes it valid again.
     */
    public void onStreamInterrupted(final long receiveTimeNs) {
        interruptions++;
        lastUpdateId = InboundEvent.NONE;
        if (state == State.VALID) {
            invalidate(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, receiveTimeNs);
        }
    }

    public int instrumentId() {
        return instrumentId;
    }

    public State state() {
        return state;
    }

    /** {@code u} of the last accepted frame, or {@link InboundEvent#NONE} (none yet, or since an interruption). */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** Frames published as BOOK_SNAPSHOT. */
    public long applied() {
        return applied;
    }

    /** Frames dropped because their {@code u} was not newer than the last accepted one. */
    public long stale() {
        return stale;
    }

    /** Times the book became valid again after having been invalidated. */
    public long resyncs() {
        return resyncs;
    }

    /** Stream interruptions reported. */
    public long interruptions() {
        return interruptions;
    }

    /** Book events (snapshots or statuses) that could not be published. */
    public long publishFailures() {
        return publishFailures;
    }

    private void invalidate(final int detail, final long receiveTimeNs) {
        state = State.INVALID;
        publishStatus(GatewayStatus.BOOK_INVALID, detail, receiveTimeNs);
    }

    private void publishStatus(final GatewayStatus gatewayStatus, final int detail, final long receiveTimeNs) {
        if (!status.publish(sink, instrumentId, gatewayStatus, detail, receiveTimeNs)) {
            publishFailures++;
        }
    }

    @Override
    public String toString() {
        return "BinancePartialBook{instrumentId=" + instrumentId + ", state=" + state + ", applied=" + applied
            + ", stale=" + stale + ", resyncs=" + resyncs + ", interruptions=" + interruptions
            + ", publishFailures=" + publishFailures + '}';
    }
}
