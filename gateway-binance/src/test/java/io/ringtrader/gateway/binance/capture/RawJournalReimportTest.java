package io.ringtrader.gateway.binance.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.gateway.binance.CaptureData;
import io.ringtrader.gateway.common.capture.RawSources;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.RawFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal's {@code raw/} frames decode again into the same inbound journal: import a real capture with raw
 * frames, re-import that journal's {@code raw/} queue, and compare the two {@code inbound/} queues event by event.
 */
@Timeout(120)
class RawJournalReimportTest {
    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheSameInboundJournalFromTheRawFramesOfTheHftbacktestCapture() throws Exception {
        assertSameJournalFromRaw("capture-btcusdt.yaml", CaptureData.HFTBACKTEST, CaptureFormat.HFTBACKTEST);
    }

    @Test
    void shouldRebuildTheSameInboundJournalFromTheRawFramesOfTheCryptofeedCapture() throws Exception {
        assertSameJournalFromRaw("capture-cryptofeed-2021.yaml", CaptureData.CRYPTOFEED, CaptureFormat.CRYPTOFEED);
    }

    @Test
    void shouldJournalEveryFrameAndTagSnapshotsWithTheirInstrument() throws Exception {
        final InstrumentRegistry instruments = CaptureData.instruments("capture-btcusdt.yaml");
        final Path first = dir.resolve("first");
        final ImportReport report = new CaptureImporter(instruments)
            .run(CaptureData.capture(CaptureData.HFTBACKTEST), CaptureFormat.HFTBACKTEST, first, true);

        long frames = 0;
        long snapshots = 0;
        final RawFrame frame = new RawFrame();
        try (JournalReader reader = JournalReader.open(first, JournalStream.RAW)) {
            while (reader.next(frame)) {
                if (frame.sourceId() == RawSources.MARKET_FRAME) {
                    frames++;
                } else {
                    assertTrue(RawSources.isSnapshot(frame.sourceId()), "source " + frame.sourceId());
                    assertEquals(0, RawSources.instrumentId(frame.sourceId()));
                    snapshots++;
                }
            }
        }
        assertEquals(report.frames(), frames);
        assertEquals(report.snapshots(), snapshots);
        assertEquals(1, snapshots);
    }

    private void assertSameJournalFromRaw(final String config, final String capture, final CaptureFormat format)
        throws Exception {
        final InstrumentRegistry instruments = CaptureData.instruments(config);
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        final ImportReport original = new CaptureImporter(instruments).run(CaptureData.capture(capture), format, first, true);
        final ImportReport again = new CaptureImporter(instruments).run(first, CaptureFormat.JOURNAL_RAW, second, false);

        assertEquals(original.frames(), again.frames());
        assertEquals(original.snapshots(), again.snapshots());
        assertEquals(original.events(), again.events());
        for (final ImportReport.InstrumentReport expected : original.instruments()) {
            final ImportReport.InstrumentReport actual = again.instrument(expected.symbol());
            assertEquals(expected.applied(), actual.applied(), expected.symbol() + " applied");
            assertEquals(expected.stale(), actual.stale(), expected.symbol() + " stale");
            assertEquals(expected.topOfBookMatches(), actual.topOfBookMatches(), expected.symbol() + " top-of-book checks");
        }
        final List<String> expectedEvents = events(first);
        assertEquals(original.events(), expectedEvents.size());
        assertEquals(expectedEvents, events(second));
    }

    private static List<String> events(final Path journal) {
        final List<String> lines = new ArrayList<>();
        final InboundEvent e = new InboundEvent(1_000);
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            while (reader.next(e)) {
                lines.add(e.kind + " " + e.instrumentId + " " + e.receiveTimeNs + " " + e.exchangeTimeNs + " "
                    + e.firstUpdateId + "/" + e.lastUpdateId + "/" + e.prevUpdateId + " batch " + e.batchIndex + " "
                    + e.batchLast + " bids " + Arrays.toString(Arrays.copyOf(e.bidPrices, e.bidCount))
                    + Arrays.toString(Arrays.copyOf(e.bidQtys, e.bidCount)) + " asks "
                    + Arrays.toString(Arrays.copyOf(e.askPrices, e.askCount))
                    + Arrays.toString(Arrays.copyOf(e.askQtys, e.askCount)) + " bbo " + e.bboBidPrice + "x"
                    + e.bboBidQty + "/" + e.bboAskPrice + "x" + e.bboAskQty + " trade " + e.tradeId + " " + e.tradePrice
                    + " " + e.tradeQty + " " + e.tradeAggressor + " kline " + e.klineOpenTimeNs + " " + e.klineClose + " "
                    + e.klineVolume + " status " + e.gatewayStatus + " " + e.statusDetail);
            }
        }
        return lines;
    }
}
