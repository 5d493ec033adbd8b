package io.ringtrader.gateway.binance.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBook;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.CaptureData;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance on the real captures in the shared data folder: the counts the documented procedure gives
 * (see the data README and its python oracle), and the bookTicker cross-check.
 */
@Timeout(120)
class CaptureImportConformanceTest {
    @TempDir
    Path journal;

    @Test
    void shouldApply165AndDrop4DiffsOfTheHftbacktestCapture() throws Exception {
        final ImportReport report = importCapture("capture-btcusdt.yaml", CaptureData.HFTBACKTEST, CaptureFormat.HFTBACKTEST);

        final ImportReport.InstrumentReport btc = report.instrument("BTCUSDT");
        assertEquals(165, btc.applied());
        assertEquals(4, btc.stale());
        assertEquals(0, btc.gaps());
        assertEquals(1, btc.snapshotsApplied());
        assertTrue(btc.synced());
        assertEquals(0, report.decodeErrors());
    }

    @Test
    void shouldMatchEveryBookTickerAtTheLastAppliedDiffOfTheHftbacktestCapture() throws Exception {
        final ImportReport report = importCapture("capture-btcusdt.yaml", CaptureData.HFTBACKTEST, CaptureFormat.HFTBACKTEST);

        final ImportReport.InstrumentReport btc = report.instrument("BTCUSDT");
        assertEquals(6, btc.topOfBookMatches());
        assertEquals(0, btc.topOfBookMismatches());
    }

    @Test
    void shouldMatchThePerSymbolCountsOfTheCryptofeedCapture() throws Exception {
        final ImportReport report = importCapture("capture-cryptofeed-2021.yaml", CaptureData.CRYPTOFEED, CaptureFormat.CRYPTOFEED);

        assertCounts(report, "SUSHIUSDT", 252, 3);
        assertCounts(report, "AKROUSDT", 188, 1);
        assertCounts(report, "KEEPUSDT", 132, 3);
        assertCounts(report, "CTKUSDT", 180, 5);
        assertEquals(0, report.decodeErrors());
        assertEquals(0, report.instruments().stream().mapToLong(i -> i.topOfBookMismatches()).sum());
    }

    @Test
    void shouldJournalEverySnapshotSlotDeltaAndTickerOfTheHftbacktestCapture() throws Exception {
        final ImportReport report = importCapture("capture-btcusdt.yaml", CaptureData.HFTBACKTEST, CaptureFormat.HFTBACKTEST);

        final Map<EventKind, Long> slots = new EnumMap<>(EventKind.class);
        long batches = 0;
        final InboundEvent event = new InboundEvent(32);
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            while (reader.next(event)) {
                slots.merge(event.kind, 1L, Long::sum);
                if (event.kind == EventKind.BOOK_DELTA && event.batchLast) {
                    batches++;
                }
            }
        }
        assertEquals(report.events(), slots.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(165, batches);
        assertEquals(1483, slots.get(EventKind.BBO));
        assertEquals(347, slots.get(EventKind.TRADE));
        assertTrue(slots.get(EventKind.BOOK_SNAPSHOT) >= 1);
    }

    @Test
    void shouldLeaveAValidUncrossedBookAfterTheHftbacktestCapture() throws Exception {
        final InstrumentRegistry instruments = CaptureData.instruments("capture-btcusdt.yaml");
        final CaptureImporter importer = new CaptureImporter(instruments);
        importer.run(CaptureData.capture(CaptureData.HFTBACKTEST), CaptureFormat.HFTBACKTEST, journal);

        final OrderBook book = importer.books().book(instruments.idOf(Venue.BINANCE_USDM, "BTCUSDT"));
        assertEquals(BookState.VALID, book.state());
        assertTrue(book.bestBidPrice() < book.bestAskPrice());
    }

    @Test
    void shouldRebuildIdenticalBooksFromTheJournalOfTheCryptofeedCapture() throws Exception {
        final InstrumentRegistry instruments = CaptureData.instruments("capture-cryptofeed-2021.yaml");
        final CaptureImporter importer = new CaptureImporter(instruments);
        importer.run(CaptureData.capture(CaptureData.CRYPTOFEED), CaptureFormat.CRYPTOFEED, journal);

        final OrderBooks replayed = new OrderBooks(instruments.count(), 1_024, 20_000);
        final BookHandler handler = new BookHandler(replayed, new DistinctErrorHandler());
        final InboundEvent event = new InboundEvent(32);
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            while (reader.next(event)) {
                handler.onEvent(event, reader.sequence(), true);
            }
        }
        for (int id = 0; id < instruments.count(); id++) {
            final OrderBook live = importer.books().book(id);
            final OrderBook rebuilt = replayed.book(id);
            final String symbol = instruments.byId(id).symbol();
            assertEquals(BookState.VALID, rebuilt.state(), symbol);
            assertEquals(live.bidCount(), rebuilt.bidCount(), symbol + " bids");
            assertEquals(live.askCount(), rebuilt.askCount(), symbol + " asks");
            for (int level = 0; level < live.bidCount(); level++) {
                assertEquals(live.bidPrice(level), rebuilt.bidPrice(level), symbol + " bid " + level);
                assertEquals(live.bidQty(level), rebuilt.bidQty(level), symbol + " bid qty " + level);
            }
            for (int level = 0; level < live.askCount(); level++) {
                assertEquals(live.askPrice(level), rebuilt.askPrice(level), symbol + " ask " + level);
                assertEquals(live.askQty(level), rebuilt.askQty(level), symbol + " ask qty " + level);
            }
            assertTrue(live.bidCount() > 100, symbol + " has its snapshot depth");
        }
    }

    private ImportReport importCapture(final String config, final String capture, final CaptureFormat format)
        throws Exception {
        final Path file = CaptureData.capture(capture);
        final ImportReport report = new CaptureImporter(CaptureData.instruments(config)).run(file, format, journal);
        assertTrue(report.pipelineClean(), report::describe);
        return report;
    }

    private static void assertCounts(final ImportReport report, final String symbol, final long applied, final long stale) {
        final ImportReport.InstrumentReport instrument = report.instrument(symbol);
        assertEquals(applied, instrument.applied(), symbol + " applied");
        assertEquals(stale, instrument.stale(), symbol + " stale");
        assertEquals(0, instrument.gaps(), symbol + " gaps");
    }
}
