package io.ringtrader.gateway.common.capture;

import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.RawFrame;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the {@code raw/} queue of a RingTrader journal (frames the gateway journaled with
 * {@code journal.recordRaw}, or an import with raw frames) as a capture, so the decoders and book sync run
 * again on the recorded traffic: market-data frames and depth snapshots in their recorded order with their
 * recorded receive times. User-data frames and open-interest bodies are skipped (the importer journals
 * market data only). Single-threaded.
 */
public final class RawJournalCaptureReader {
    private final InstrumentRegistry instruments;

    /** @param instruments the config the journal was recorded with: snapshot sources name its instrument ids. */
    public RawJournalCaptureReader(final InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * Reads every raw frame of {@code journalDirectory}, calling {@code listener} for each in order.
     *
     * @throws io.ringtrader.recorder.JournalNotFoundException when the directory has no {@code raw/} queue.
     */
    public void read(final Path journalDirectory, final CaptureListener listener) {
        final RawFrame frame = new RawFrame();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
        try (JournalReader reader = JournalReader.open(journalDirectory, JournalStream.RAW)) {
            while (reader.next(frame)) {
                buffer.wrap(frame.bytes(), 0, frame.length());
                final int source = frame.sourceId();
                if (source == RawSources.MARKET_FRAME) {
                    listener.onFrame(buffer, 0, frame.length(), frame.receiveTimeNs());
                } else if (RawSources.isSnapshot(source) && RawSources.instrumentId(source) < instruments.count()) {
                    final String symbol = instruments.byId(RawSources.instrumentId(source)).symbol();
                    listener.onSnapshot(symbol, buffer, 0, frame.length(), frame.receiveTimeNs());
                } else if (source == RawSources.USER_FRAME || RawSources.isOpenInterest(source)) {
                    listener.onSkipped();
                } else {
                    listener.onUnreadable(reader.index());
                }
            }
        }
    }
}
