package io.ringtrader.gateway.binance.capture;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import io.ringtrader.gateway.binance.BinanceFrameDecoder;
import io.ringtrader.gateway.binance.MarketDataSettings;
import io.ringtrader.gateway.binance.sync.BinanceBookSync;
import io.ringtrader.gateway.binance.sync.BinancePartialBook;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import io.ringtrader.gateway.common.capture.CaptureListener;
import io.ringtrader.gateway.common.capture.RawJournalCaptureReader;
import io.ringtrader.gateway.common.capture.RawSources;
import io.ringtrader.gateway.common.marketdata.RingEventSink;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.RawFrameWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Runs a raw Binance USDⓈ-M capture through the live decoders and book sync into an in-process pipeline
 * whose journal stage is the recorder's {@link InboundJournalWriter} and whose book stage is the engine's
 * {@link BookHandler}, so the journal holds what a live session would have journaled (snapshots, applied
 * diffs, tickers, trades, candles, book status) and replays into the same books. The capture's REST
 * snapshots are the snapshots: nothing is fetched. Nothing is dropped: the reading thread waits for room
 * in the ring.
 *
 * <p>Use an instance once, from one thread; the books and the check are readable after {@link #run}.
 */
public final class CaptureImporter {
    /** Writer name recorded in the journal's session header. */
    public static final String JOURNAL_WRITER = "ringtrader-import";

    private static final int BOOK_INITIAL_LEVELS = 1_024;
    private static final int BOOK_MAX_LEVELS = 20_000;

    private final InstrumentRegistry instruments;
    private final MarketDataSettings settings;
    private final int levelsPerSlot;
    private final int ringSize;
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final OrderBooks books;
    private final TopOfBookCheck check;

    /**
     * @param instruments   the capture's symbols must be among them (others are counted as unknown).
     * @param settings      decoder limits.
     * @param levelsPerSlot book levels per side per ring slot.
     * @param ringSize      inbound ring slots, a power of two.
     */
    public CaptureImporter(final InstrumentRegistry instruments, final MarketDataSettings settings,
        final int levelsPerSlot, final int ringSize) {
        this.instruments = instruments;
        this.settings = settings;
        this.levelsPerSlot = levelsPerSlot;
        this.ringSize = ringSize;
        this.books = new OrderBooks(instruments.count(), BOOK_INITIAL_LEVELS, BOOK_MAX_LEVELS);
        this.check = new TopOfBookCheck(instruments.count());
    }

    /** 32 levels per slot, a 16384-slot ring, default decoder limits. */
    public CaptureImporter(final InstrumentRegistry instruments) {
        this(instruments, MarketDataSettings.defaults(), 32, 16_384);
    }

    /** The new journal's settings: its session headers hold the instrument table the capture was decoded with. */
    private JournalConfig journalConfig(final Path journalDirectory) {
        return JournalConfig.defaults(journalDirectory).withWriter(JOURNAL_WRITER)
            .withManifest(JournalManifest.ofInstruments(instruments));
    }

    /**
     * Imports {@code input} into a journal.
     *
     * @param input            the capture file ({@code .gz} is decompressed).
     * @param format           its format.
     * @param journalDirectory where the journal goes; null to journal nothing.
     * @return the counts.
     * @throws IOException if the capture cannot be read.
     */
    public ImportReport run(final Path input, final CaptureFormat format, final Path journalDirectory) throws IOException {
        return run(input, format, journalDirectory, false);
    }

    /**
     * Imports {@code input} into a journal, optionally also journaling every frame and snapshot as read to the
     * journal's {@code raw/} queue (source ids: {@link RawSources}), so it can be decoded again later.
     *
     * @param input            the capture file ({@code .gz} is decompressed), or for {@link CaptureFormat#JOURNAL_RAW}
     *                         a journal directory.
     * @param format           its format.
     * @param journalDirectory where the journal goes; null to journal nothing.
     * @param recordRaw        also write {@code raw/} (needs a journal directory).
     * @return the counts.
     * @throws IOException if the capture cannot be read.
     */
    public ImportReport run(final Path input, final CaptureFormat format, final Path journalDirectory, final boolean recordRaw)
        throws IOException {
        if (recordRaw && journalDirectory == null) {
            throw new IllegalArgumentException("recordRaw needs a journal directory");
        }
        final Pipeline.Builder builder = Pipeline.builder()
            .inboundRingSize(ringSize)
            .levelsPerSlot(levelsPerSlot)
            .errorHandler(errors)
            .threads(threads())
            .book(new BookHandler(books, errors))
            .features(check);
        if (journalDirectory != null) {
            builder.journal(new InboundJournalWriter(journalConfig(journalDirectory)));
        }
        final Pipeline pipeline = builder.build();
        pipeline.start();
        final RingEventSink sink = new RingEventSink(pipeline.inboundPublisher(), levelsPerSlot, RingEventSink.Mode.WAIT);
        final BinanceFrameDecoder decoder = new BinanceFrameDecoder(instruments, sink, SnapshotRequester.NONE, errors, settings);
        final RawFrameWriter raw = recordRaw
            ? new RawFrameWriter(journalConfig(journalDirectory))
            : null;
        final Rows rows = new Rows(decoder, instruments, raw);
        Pipeline.StopReport stop = null;
        try {
            if (raw != null) {
                raw.open();
            }
            switch (format) {
                case HFTBACKTEST -> new HftBacktestCaptureReader(soleBinanceSymbol(instruments)).read(input, rows);
                case CRYPTOFEED -> new CryptofeedCaptureReader().read(input, rows);
                case JOURNAL_RAW -> new RawJournalCaptureReader(instruments).read(input, rows);
            }
        } finally {
            stop = pipeline.stop();
            if (raw != null) {
                raw.close();
            }
        }

        final List<ImportReport.InstrumentReport> perInstrument = new ArrayList<>();
        for (final Instrument instrument : instruments.instruments()) {
            if (instrument.venue() != Venue.BINANCE_USDM) {
                continue;
            }
            final int id = instrument.id();
            final BinanceBookSync sync = decoder.sync(id);
            final BinancePartialBook partial = decoder.partialBook(id);
            final boolean synced = partial.applied() > 0
                ? partial.state() == BinancePartialBook.State.VALID : sync.state() == BinanceBookSync.State.SYNCED;
            perInstrument.add(new ImportReport.InstrumentReport(instrument.symbol(), sync.applied(), sync.stale(),
                sync.buffered(), sync.gaps(), sync.resyncs(), sync.snapshotsApplied(), sync.snapshotsTooOld(),
                check.matches(id), check.mismatches(id), partial.applied(), partial.stale(), synced));
        }
        return new ImportReport(rows.rows, decoder.frames(), decoder.snapshots(), rows.skipped, rows.unreadable,
            sink.slotsPublished(), decoder.decodeErrors(), decoder.ignored() + decoder.klineUpdatesSkipped(),
            perInstrument, stop.clean());
    }

    /** The books as the book stage left them; read after {@link #run}. */
    public OrderBooks books() {
        return books;
    }

    /** Every problem counted during the import. */
    public DistinctErrorHandler errors() {
        return errors;
    }

    private static List<StageThreadSpec> threads() {
        return List.of(
            StageThreadSpec.of("import-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL),
            StageThreadSpec.of("import-book", WaitStrategyKind.SLEEPING, StageId.BOOK, StageId.FEATURES, StageId.MODEL,
                StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
            StageThreadSpec.of("import-venue", WaitStrategyKind.SLEEPING, StageId.VENUE),
            StageThreadSpec.of("import-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL));
    }

    private static String soleBinanceSymbol(final InstrumentRegistry instruments) {
        String symbol = null;
        for (final Instrument instrument : instruments.instruments()) {
            if (instrument.venue() == Venue.BINANCE_USDM) {
                if (symbol != null) {
                    return null;
                }
                symbol = instrument.symbol();
            }
        }
        return symbol;
    }

    /** Feeds rows to the decoder (and the raw journal, if any) and counts them. */
    private static final class Rows implements CaptureListener {
        private final BinanceFrameDecoder decoder;
        private final InstrumentRegistry instruments;
        private final RawFrameWriter raw;
        long rows;
        long skipped;
        long unreadable;

        Rows(final BinanceFrameDecoder decoder, final InstrumentRegistry instruments, final RawFrameWriter raw) {
            this.decoder = decoder;
            this.instruments = instruments;
            this.raw = raw;
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
            rows++;
            if (raw != null) {
                raw.append(receiveTimeNs, RawSources.MARKET_FRAME, buffer, offset, length);
            }
            decoder.onFrame(buffer, offset, length, receiveTimeNs);
        }

        @Override
        public void onSnapshot(final String symbol, final DirectBuffer buffer, final int offset, final int length,
            final long receiveTimeNs) {
            rows++;
            final int instrumentId = instruments.idOf(Venue.BINANCE_USDM, symbol);
            if (raw != null && instrumentId >= 0) {
                raw.append(receiveTimeNs, RawSources.snapshot(instrumentId), buffer, offset, length);
            }
            decoder.onSnapshot(instrumentId, buffer, offset, length, receiveTimeNs);
        }

        @Override
        public void onSkipped() {
            rows++;
            skipped++;
        }

        @Override
        public void onUnreadable(final long lineNumber) {
            rows++;
            unreadable++;
        }
    }
}
