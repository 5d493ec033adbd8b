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
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sync against the venue's truth on seeded random streams: non-contiguous ids chained by {@code pu},
 * lost diffs (gaps), snapshots that arrive late (older than diffs already received). A reference book
 * (TreeMaps) applies exactly what the sync publishes; whenever the sync says it is in sync, that book must
 * equal the venue's book as of the last applied {@code u}.
 */
class BinanceBookSyncDifferentialTest {
    private static final int DIFFS = 5_000;

    @Test
    void shouldAlwaysMatchTheVenueBookWhileInSyncAcrossGapsAndLateSnapshots() {
        for (long seed = 1; seed <= 20; seed++) {
            run(new Random(seed));
        }
    }

    private static void run(final Random random) {
        final List<Long> venueIds = new ArrayList<>();
        final List<Book> venueBooks = new ArrayList<>();
        final List<DepthStaging> diffs = new ArrayList<>();
        Book venue = new Book();
        long u = 1_000;
        for (int k = 0; k < DIFFS; k++) {
            final long first = u + 1 + random.nextInt(3);
            final long last = first + random.nextInt(5);
            final DepthStaging diff = new DepthStaging(8);
            diff.instrumentId = 0;
            diff.firstUpdateId = first;
            diff.lastUpdateId = last;
            diff.prevUpdateId = u;
            venue = venue.copy();
            for (int level = random.nextInt(5); level >= 0; level--) {
                final boolean bid = random.nextBoolean();
                final long price = bid ? 1 + random.nextInt(50) : 51 + random.nextInt(50);
                final long qty = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
                if (bid) {
                    diff.addBid(price, qty, 0, 0);
                } else {
                    diff.addAsk(price, qty, 0, 0);
                }
                apply(bid ? venue.bids : venue.asks, price, qty);
            }
            diffs.add(diff);
            venueIds.add(last);
            venueBooks.add(venue);
            u = last;
        }

        final CapturingSink sink = new CapturingSink(4);
        final List<Integer> pendingRequests = new ArrayList<>();
        final BinanceBookSync sync = new BinanceBookSync(0, sink, pendingRequests::add, 64, 200);
        final Book local = new Book();
        int deliverSnapshotAt = -1;
        int published = 0;
        int checks = 0;
        for (int k = 0; k < DIFFS; k++) {
            if (!pendingRequests.isEmpty() && deliverSnapshotAt < 0) {
                pendingRequests.clear();
                deliverSnapshotAt = k + random.nextInt(6);
            }
            if (k == deliverSnapshotAt) {
                final int taken = Math.max(0, k - 1 - random.nextInt(4));
                sync.onSnapshot(snapshot(venueIds.get(taken), venueBooks.get(taken)));
                deliverSnapshotAt = -1;
            }
            if (random.nextInt(400) != 0) {
                sync.onDiff(diffs.get(k));
            }
            published = applyPublished(sink.events(), published, local);
            if (sync.state() == BinanceBookSync.State.SYNCED) {
                final int index = venueIds.indexOf(sync.lastUpdateId());
                assertTrue(index >= 0, "no venue diff with u=" + sync.lastUpdateId());
                assertEquals(venueBooks.get(index).bids, local.bids, "bids at u=" + sync.lastUpdateId());
                assertEquals(venueBooks.get(index).asks, local.asks, "asks at u=" + sync.lastUpdateId());
                checks++;
            }
        }
        assertTrue(sync.gaps() > 0 && sync.resyncs() > 0, "the stream should have had gaps and resyncs: " + sync);
        assertTrue(checks > DIFFS / 2, "in sync most of the time: " + checks);
    }

    private static int applyPublished(final List<InboundEvent> events, final int from, final Book book) {
        for (int i = from; i < events.size(); i++) {
            final InboundEvent event = events.get(i);
            if (event.kind == EventKind.BOOK_SNAPSHOT && event.batchIndex == 0) {
                book.bids.clear();
                book.asks.clear();
            }
            if (event.kind == EventKind.BOOK_SNAPSHOT || event.kind == EventKind.BOOK_DELTA) {
                for (int level = 0; level < event.bidCount; level++) {
                    apply(book.bids, event.bidPrices[level], event.bidQtys[level]);
                }
                for (int level = 0; level < event.askCount; level++) {
                    apply(book.asks, event.askPrices[level], event.askQtys[level]);
                }
            } else {
                assertEquals(EventKind.GATEWAY_STATUS, event.kind);
                assertTrue(event.gatewayStatus == GatewayStatus.BOOK_INVALID || event.gatewayStatus == GatewayStatus.BOOK_RESYNCED);
            }
        }
        return events.size();
    }

    private static DepthStaging snapshot(final long lastUpdateId, final Book book) {
        final DepthStaging snapshot = new DepthStaging(200);
        snapshot.instrumentId = 0;
        snapshot.lastUpdateId = lastUpdateId;
        book.bids.descendingMap().forEach((price, qty) -> snapshot.addBid(price, qty, 0, 0));
        book.asks.forEach((price, qty) -> snapshot.addAsk(price, qty, 0, 0));
        return snapshot;
    }

    private static void apply(final TreeMap<Long, Long> side, final long price, final long qty) {
        if (qty == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    /** A reference book: price to quantity per side. */
    private static final class Book {
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();

        Book copy() {
            final Book copy = new Book();
            copy.bids.putAll(bids);
            copy.asks.putAll(asks);
            return copy;
        }
    }
}
