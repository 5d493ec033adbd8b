package io.ringtrader.gateway.binance.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.gateway.binance.CapturingSink;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceBookSyncTest {
    private static final int ID = 3;

    private final CapturingSink sink = new CapturingSink(32);
    private final List<Integer> requests = new ArrayList<>();
    private final BinanceBookSync sync = new BinanceBookSync(ID, sink, requests::add, 8, 100);

    @Test
    void shouldBufferDiffsAndRequestOneSnapshotUntilItArrives() {
        sync.onDiff(diff(100, 110, 90));
        sync.onDiff(diff(111, 120, 110));

        assertEquals(List.of(ID), requests);
        assertEquals(2, sync.buffered());
        assertTrue(sink.events().isEmpty());
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());
    }

    @Test
    void shouldDropBufferedDiffsOlderThanTheSnapshotAndApplyTheRest() {
        sync.onDiff(diff(100, 110, 90));
        sync.onDiff(diff(111, 120, 110));
        sync.onDiff(diff(121, 130, 120));
        sync.onDiff(diff(131, 140, 130));

        sync.onSnapshot(snapshot(125));

        assertEquals(2, sync.stale());
        assertEquals(2, sync.applied());
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
        assertEquals(140, sync.lastUpdateId());
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.BOOK_DELTA, EventKind.BOOK_DELTA), kinds());
        assertEquals(125, sink.events().get(0).lastUpdateId);
        assertEquals(121, sink.events().get(1).firstUpdateId);
        assertEquals(130, sink.events().get(1).lastUpdateId);
        assertEquals(120, sink.events().get(1).prevUpdateId);
    }

    @Test
    void shouldInvalidateASyncedBookAtOnceWhenTheStreamIsInterruptedAndResyncAfterwards() {
        sync.onDiff(diff(121, 130, 120));
        sync.onSnapshot(snapshot(125));
        sink.events().clear();

        sync.onStreamInterrupted(1_000);

        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());
        assertEquals(List.of(EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_INVALID, sink.events().get(0).gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, sink.events().get(0).statusDetail);
        assertEquals(1, sync.interruptions());

        sync.onDiff(diff(200, 210, 190));
        assertEquals(List.of(ID, ID), requests);
        sync.onSnapshot(snapshot(205));

        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
        assertEquals(GatewayStatus.BOOK_RESYNCED, sink.events().get(sink.events().size() - 1).gatewayStatus);
        assertEquals(1, sync.resyncs());
    }

    @Test
    void shouldNotPublishAnythingWhenAnUnsyncedStreamIsInterrupted() {
        sync.onDiff(diff(121, 130, 120));

        sync.onStreamInterrupted(1_000);

        assertTrue(sink.events().isEmpty());
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());
    }

    @Test
    void shouldAskAgainOnTheNextDiffAfterASnapshotRequestFailed() {
        sync.onDiff(diff(121, 130, 120));
        sync.onDiff(diff(131, 140, 130));
        assertEquals(List.of(ID), requests);

        sync.onSnapshotFailed();
        sync.onDiff(diff(141, 150, 140));

        assertEquals(List.of(ID, ID), requests);
        assertEquals(1, sync.snapshotFailures());
        sync.onSnapshot(snapshot(135));
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
        assertEquals(150, sync.lastUpdateId());
    }

    @Test
    void shouldBridgeWhenTheSnapshotIdEqualsTheDiffsLastId() {
        sync.onDiff(diff(121, 130, 120));

        sync.onSnapshot(snapshot(130));

        assertEquals(1, sync.applied());
        assertEquals(0, sync.stale());
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
    }

    @Test
    void shouldBridgeWhenTheSnapshotIdEqualsTheDiffsFirstId() {
        sync.onDiff(diff(121, 130, 120));

        sync.onSnapshot(snapshot(121));

        assertEquals(1, sync.applied());
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
    }

    @Test
    void shouldHoldASnapshotThatArrivesFirstUntilADiffBridgesIt() {
        sync.onSnapshot(snapshot(125));
        assertTrue(sink.events().isEmpty());

        sync.onDiff(diff(100, 110, 90));
        sync.onDiff(diff(111, 125, 110));
        sync.onDiff(diff(126, 130, 125));

        assertEquals(1, sync.stale());
        assertEquals(2, sync.applied());
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.BOOK_DELTA, EventKind.BOOK_DELTA), kinds());
    }

    @Test
    void shouldChainDiffsByPuNotByContiguousIds() {
        sync.onSnapshot(snapshot(125));
        sync.onDiff(diff(120, 130, 119));

        sync.onDiff(diff(137, 150, 130));
        sync.onDiff(diff(162, 170, 150));

        assertEquals(3, sync.applied());
        assertEquals(0, sync.gaps());
        assertEquals(170, sync.lastUpdateId());
    }

    @Test
    void shouldInvalidateTheBookAndRequestASnapshotOnAPuGap() {
        syncAt(130);
        requests.clear();
        sink.clear();

        sync.onDiff(diff(141, 150, 135));

        assertEquals(1, sync.gaps());
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());
        assertEquals(List.of(ID), requests);
        final InboundEvent status = sink.last();
        assertEquals(EventKind.GATEWAY_STATUS, status.kind);
        assertEquals(GatewayStatus.BOOK_INVALID, status.gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_SEQUENCE_GAP, status.statusDetail);
        assertEquals(ID, status.instrumentId);
        assertEquals(List.of(EventKind.GATEWAY_STATUS), kinds());
    }

    @Test
    void shouldResyncFromAFreshSnapshotAfterAGapAndSaySo() {
        syncAt(130);
        sync.onDiff(diff(141, 150, 135));
        sync.onDiff(diff(151, 160, 150));
        sink.clear();

        sync.onSnapshot(snapshot(155));

        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
        assertEquals(1, sync.resyncs());
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.BOOK_DELTA, EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_RESYNCED, sink.last().gatewayStatus);
        assertEquals(160, sync.lastUpdateId());
    }

    @Test
    void shouldRequestAgainWhenTheSnapshotIsTooOldToBridge() {
        sync.onDiff(diff(200, 210, 190));

        sync.onSnapshot(snapshot(150));

        assertEquals(1, sync.snapshotsTooOld());
        assertEquals(List.of(ID, ID), requests);
        assertTrue(sink.events().isEmpty());
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());

        sync.onSnapshot(snapshot(205));

        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
        assertEquals(1, sync.applied());
    }

    @Test
    void shouldRequestAgainWhenAHeldSnapshotIsOlderThanTheNextDiff() {
        sync.onSnapshot(snapshot(150));

        sync.onDiff(diff(200, 210, 190));

        assertEquals(1, sync.snapshotsTooOld());
        assertEquals(List.of(ID), requests);
        assertEquals(1, sync.buffered());
        assertTrue(sink.events().isEmpty());
    }

    @Test
    void shouldInvalidateWhenTheBufferedDiffsDoNotChain() {
        sync.onDiff(diff(121, 130, 120));
        sync.onDiff(diff(141, 150, 135));

        sync.onSnapshot(snapshot(125));

        assertEquals(1, sync.applied());
        assertEquals(1, sync.gaps());
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.BOOK_DELTA, EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_INVALID, sink.last().gatewayStatus);
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, sync.state());
    }

    @Test
    void shouldDropADuplicateDiffAsStale() {
        syncAt(130);

        sync.onDiff(diff(121, 130, 120));

        assertEquals(1, sync.stale());
        assertEquals(0, sync.gaps());
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
    }

    @Test
    void shouldTreatADeltaThatCannotBePublishedAsAGap() {
        syncAt(130);
        sink.failNext(1);

        sync.onDiff(diff(131, 140, 130));

        assertEquals(1, sync.publishFailures());
        assertEquals(1, sync.gaps());
        assertEquals(GatewayStatus.BOOK_INVALID, sink.last().gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_PUBLISH_FAILED, sink.last().statusDetail);
    }

    @Test
    void shouldDropTheOldestBufferedDiffWhenTheBufferIsFull() {
        for (int i = 0; i < 9; i++) {
            sync.onDiff(diff(100 + 10 * i, 109 + 10 * i, 99 + 10 * i));
        }

        assertEquals(1, sync.bufferOverflows());
        sync.onSnapshot(snapshot(105));
        assertEquals(1, sync.snapshotsTooOld());
    }

    @Test
    void shouldIgnoreASnapshotWhileInSync() {
        syncAt(130);
        sink.clear();

        sync.onSnapshot(snapshot(200));

        assertEquals(1, sync.snapshotsIgnored());
        assertTrue(sink.events().isEmpty());
    }

    private void syncAt(final long lastUpdateId) {
        sync.onSnapshot(snapshot(lastUpdateId - 5));
        sync.onDiff(diff(lastUpdateId - 9, lastUpdateId, lastUpdateId - 10));
        assertEquals(BinanceBookSync.State.SYNCED, sync.state());
    }

    private List<EventKind> kinds() {
        final List<EventKind> kinds = new ArrayList<>();
        sink.events().forEach(e -> kinds.add(e.kind));
        return kinds;
    }

    private static DepthStaging diff(final long first, final long last, final long prev) {
        final DepthStaging diff = new DepthStaging(4);
        diff.instrumentId = ID;
        diff.firstUpdateId = first;
        diff.lastUpdateId = last;
        diff.prevUpdateId = prev;
        diff.receiveTimeNs = last;
        diff.addBid(1000 + last, 1, 1, 0);
        return diff;
    }

    private static DepthStaging snapshot(final long lastUpdateId) {
        final DepthStaging snapshot = new DepthStaging(4);
        snapshot.instrumentId = ID;
        snapshot.lastUpdateId = lastUpdateId;
        snapshot.addBid(1000, 5, 1, 0);
        snapshot.addAsk(2000, 5, 1, 0);
        return snapshot;
    }
}
