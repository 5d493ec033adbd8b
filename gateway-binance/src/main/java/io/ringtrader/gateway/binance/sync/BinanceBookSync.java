package io.ringtrader.gateway.binance.sync;

import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.BookTranslators;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.GatewayStatusTranslator;

/**
 * Keeps one instrument's local book in step with Binance USDⓈ-M, following the documented futures
 * procedure, and publishes only what the book may apply:
 * <pre>
 * AWAITING_SNAPSHOT  diffs are buffered (bounded, oldest dropped); one snapshot request is outstanding
 *   snapshot:        drop buffered diffs with u &lt; lastUpdateId (stale), then
 *                    none left                        → hold it until a diff bridges it
 *                    first left has U &gt; lastUpdateId  → too old: request another
 *                    otherwise                        → BOOK_SNAPSHOT, then the buffered diffs as BOOK_DELTA
 *                      (the first bridges: U &lt;= lastUpdateId &lt;= u; each later one: pu == previous u)
 *                      → SYNCED, with BOOK_RESYNCED if the book had been invalidated
 * SYNCED
 *   diff:            pu == previous u → BOOK_DELTA;  u &lt;= previous u → stale
 *                    otherwise (gap)  → BOOK_INVALID, buffer it, request a snapshot → AWAITING_SNAPSHOT
 * </pre>
 * A snapshot that arrives with nothing buffered is held until the first diff that bridges it
 * ({@code U <= lastUpdateId <= u}); older diffs are stale and dropped. Only {@code pu} chains diffs:
 * {@code U} is not the previous {@code u + 1}. A diff whose {@code u} is not newer than the last applied one
 * is a duplicate and dropped as stale. If a delta cannot be published (ring full) the book is treated as
 * having a gap.
 *
 * <p>Runs on the gateway's IO thread (or the capture importer's thread), never on a ring thread. Not
 * thread-safe.
 */
public final class BinanceBookSync {
    /** Where the sync is. */
    public enum State { AWAITING_SNAPSHOT, SYNCED }

    /** {@code statusDetail} of BOOK_INVALID: a diff's {@code pu} did not match the previous {@code u}. */
    public static final int DETAIL_SEQUENCE_GAP = 1;
    /** {@code statusDetail} of BOOK_INVALID: a delta could not be published. */
    public static final int DETAIL_PUBLISH_FAILED = 2;
    /** {@code statusDetail} of BOOK_INVALID: the stream was interrupted (disconnect), updates were missed. */
    public static final int DETAIL_STREAM_INTERRUPTED = 3;

    private static final int INITIAL_BUFFERED_LEVELS = 64;

    private final int instrumentId;
    private final EventSink sink;
    private final SnapshotRequester requester;
    private final DepthStaging[] buffer;
    private final DepthStaging pendingSnapshot;
    private final GatewayStatusTranslator status = new GatewayStatusTranslator(Venue.BINANCE_USDM.id());
    private int bufferHead;
    private int bufferCount;
    private boolean hasPendingSnapshot;
    private State state = State.AWAITING_SNAPSHOT;
    private boolean snapshotRequested;
    private boolean invalid;
    private long lastUpdateId = InboundEvent.NONE;

    private long applied;
    private long stale;
    private long buffered;
    private long bufferOverflows;
    private long gaps;
    private long resyncs;
    private long snapshotsApplied;
    private long snapshotsTooOld;
    private long snapshotsIgnored;
    private long snapshotRequests;
    private long snapshotFailures;
    private long interruptions;
    private long publishFailures;

    /**
     * @param instrumentId      the instrument this sync keeps.
     * @param sink              where book events go.
     * @param requester         asked for a snapshot when one is needed.
     * @param maxBufferedDiffs  diffs kept while waiting for a snapshot; the oldest is dropped beyond that.
     * @param maxSnapshotLevels levels per side of the largest snapshot (Binance: 1000).
     */
    public BinanceBookSync(final int instrumentId, final EventSink sink, final SnapshotRequester requester,
        final int maxBufferedDiffs, final int maxSnapshotLevels) {
        if (maxBufferedDiffs < 1) {
            throw new IllegalArgumentException("maxBufferedDiffs must be >= 1: " + maxBufferedDiffs);
        }
        this.instrumentId = instrumentId;
        this.sink = sink;
        this.requester = requester;
        this.buffer = new DepthStaging[maxBufferedDiffs];
        this.pendingSnapshot = new DepthStaging(maxSnapshotLevels);
    }

    /** A decoded diff for this instrument, in arrival order. */
    public void onDiff(final DepthStaging diff) {
        if (state == State.SYNCED) {
            chain(diff);
        } else if (hasPendingSnapshot) {
            bridgeHeld(diff);
        } else {
            buffer(diff);
            requestSnapshotOnce();
        }
    }

    /** A decoded REST snapshot for this instrument ({@code lastUpdateId} in its {@code lastUpdateId}). */
    public void onSnapshot(final DepthStaging snapshot) {
        if (state == State.SYNCED) {
            snapshotsIgnored++;
            return;
        }
        snapshotRequested = false;
        final long snapshotId = snapshot.lastUpdateId;
        while (bufferCount > 0 && oldest().lastUpdateId < snapshotId) {
            dropOldest();
            stale++;
        }
        if (bufferCount == 0) {
            pendingSnapshot.copyFrom(snapshot);
            hasPendingSnapshot = true;
            return;
        }
        if (oldest().firstUpdateId > snapshotId) {
            snapshotsTooOld++;
            requestSnapshotOnce();
            return;
        }
        if (!publishSnapshot(snapshot)) {
            return;
        }
        lastUpdateId = InboundEvent.NONE;
        boolean first = true;
        while (bufferCount > 0) {
            final DepthStaging diff = oldest();
            if (!first && diff.prevUpdateId != lastUpdateId) {
                gap(diff.receiveTimeNs, DETAIL_SEQUENCE_GAP);
                return;
            }
            first = false;
            if (!publishDelta(diff)) {
                return;
            }
            dropOldest();
        }
        synced(snapshot.receiveTimeNs);
    }

    /**
     * The stream feeding this book was interrupted (the connection dropped): diffs were missed. A synced book
     * is invalidated at once ({@link GatewayStatus#BOOK_INVALID}, {@link #DETAIL_STREAM_INTERRUPTED}) rather than
     * when the next diff shows the gap; buffered diffs are forgotten. The first diff after the reconnect
     * starts the snapshot procedure again; a snapshot request still outstanding is answered as usual.
     */
    public void onStreamInterrupted(final long receiveTimeNs) {
        interruptions++;
        clearBuffer();
        hasPendingSnapshot = false;
        if (state == State.SYNCED) {
            state = State.AWAITING_SNAPSHOT;
            lastUpdateId = InboundEvent.NONE;
            invalid = true;
            publishStatus(GatewayStatus.BOOK_INVALID, DETAIL_STREAM_INTERRUPTED, receiveTimeNs);
        }
    }

    /**
     * The outstanding snapshot request failed (timeout, HTTP error): the next diff that needs a snapshot asks
     * again. Callers pace their retries (the requester may delay a request).
     */
    public void onSnapshotFailed() {
        snapshotFailures++;
        snapshotRequested = false;
    }

    public int instrumentId() {
        return instrumentId;
    }

    public State state() {
        return state;
    }

    /** {@code u} of the last applied diff, or {@link InboundEvent#NONE}. */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** Diffs published as BOOK_DELTA. */
    public long applied() {
        return applied;
    }

    /** Diffs dropped because the book already contains them ({@code u < lastUpdateId}, or a duplicate). */
    public long stale() {
        return stale;
    }

    /** Diffs buffered while waiting for a snapshot. */
    public long buffered() {
        return buffered;
    }

    /** Buffered diffs dropped because the buffer was full. */
    public long bufferOverflows() {
        return bufferOverflows;
    }

    /** Sequence gaps found (each invalidated the book). */
    public long gaps() {
        return gaps;
    }

    /** Times the book became valid again after having been invalidated. */
    public long resyncs() {
        return resyncs;
    }

    /** Snapshots published. */
    public long snapshotsApplied() {
        return snapshotsApplied;
    }

    /** Snapshots discarded because they were older than every buffered diff could bridge. */
    public long snapshotsTooOld() {
        return snapshotsTooOld;
    }

    /** Snapshots that arrived while in sync (not needed). */
    public long snapshotsIgnored() {
        return snapshotsIgnored;
    }

    /** Snapshot requests made. */
    public long snapshotRequests() {
        return snapshotRequests;
    }

    /** Snapshot requests that failed. */
    public long snapshotFailures() {
        return snapshotFailures;
    }

    /** Stream interruptions reported. */
    public long interruptions() {
        return interruptions;
    }

    /** Book events that could not be published. */
    public long publishFailures() {
        return publishFailures;
    }

    private void chain(final DepthStaging diff) {
        if (diff.lastUpdateId <= lastUpdateId) {
            stale++;
            return;
        }
        if (diff.prevUpdateId != lastUpdateId) {
            gap(diff.receiveTimeNs, DETAIL_SEQUENCE_GAP);
            buffer(diff);
            return;
        }
        publishDelta(diff);
    }

    private void bridgeHeld(final DepthStaging diff) {
        final long snapshotId = pendingSnapshot.lastUpdateId;
        if (diff.lastUpdateId < snapshotId) {
            stale++;
            return;
        }
        if (diff.firstUpdateId > snapshotId) {
            snapshotsTooOld++;
            hasPendingSnapshot = false;
            buffer(diff);
            requestSnapshotOnce();
            return;
        }
        hasPendingSnapshot = false;
        if (publishSnapshot(pendingSnapshot)) {
            lastUpdateId = InboundEvent.NONE;
            if (publishDelta(diff)) {
                synced(diff.receiveTimeNs);
            }
        } else {
            buffer(diff);
        }
    }

    private boolean publishSnapshot(final DepthStaging snapshot) {
        if (!sink.publishBatch(snapshot.slotsNeeded(sink.levelsPerSlot()), BookTranslators.SNAPSHOT, snapshot)) {
            publishFailures++;
            requestSnapshotOnce();
            return false;
        }
        snapshotsApplied++;
        return true;
    }

    /** Publishes an applied diff; on failure the book has a gap. */
    private boolean publishDelta(final DepthStaging diff) {
        if (!sink.publishBatch(diff.slotsNeeded(sink.levelsPerSlot()), BookTranslators.DELTA, diff)) {
            publishFailures++;
            clearBuffer();
            gap(diff.receiveTimeNs, DETAIL_PUBLISH_FAILED);
            return false;
        }
        applied++;
        lastUpdateId = diff.lastUpdateId;
        return true;
    }

    private void synced(final long receiveTimeNs) {
        state = State.SYNCED;
        if (invalid) {
            invalid = false;
            resyncs++;
            publishStatus(GatewayStatus.BOOK_RESYNCED, 0, receiveTimeNs);
        }
    }

    /** The book missed updates: invalidate it, forget the buffered diffs after it, and start over. */
    private void gap(final long receiveTimeNs, final int detail) {
        gaps++;
        state = State.AWAITING_SNAPSHOT;
        hasPendingSnapshot = false;
        lastUpdateId = InboundEvent.NONE;
        invalid = true;
        publishStatus(GatewayStatus.BOOK_INVALID, detail, receiveTimeNs);
        requestSnapshotOnce();
    }

    private void publishStatus(final GatewayStatus gatewayStatus, final int detail, final long receiveTimeNs) {
        if (!status.publish(sink, instrumentId, gatewayStatus, detail, receiveTimeNs)) {
            publishFailures++;
        }
    }

    private void requestSnapshotOnce() {
        if (!snapshotRequested) {
            snapshotRequested = true;
            snapshotRequests++;
            requester.requestSnapshot(instrumentId);
        }
    }

    private void buffer(final DepthStaging diff) {
        if (bufferCount == buffer.length) {
            dropOldest();
            bufferOverflows++;
        }
        final int index = (bufferHead + bufferCount) % buffer.length;
        DepthStaging entry = buffer[index];
        if (entry == null) {
            entry = new DepthStaging(Math.max(INITIAL_BUFFERED_LEVELS, Math.max(diff.bidCount(), diff.askCount())));
            buffer[index] = entry;
        }
        entry.copyFrom(diff);
        bufferCount++;
        buffered++;
    }

    private DepthStaging oldest() {
        return buffer[bufferHead];
    }

    private void dropOldest() {
        bufferHead = (bufferHead + 1) % buffer.length;
        bufferCount--;
    }

    private void clearBuffer() {
        bufferHead = 0;
        bufferCount = 0;
    }

    @Override
    public String toString() {
        return "BinanceBookSync{instrumentId=" + instrumentId + ", state=" + state + ", applied=" + applied
            + ", stale=" + stale + ", buffered=" + buffered + ", gaps=" + gaps + ", resyncs=" + resyncs
            + ", snapshots=" + snapshotsApplied + ", snapshotsTooOld=" + snapshotsTooOld + '}';
    }
}
