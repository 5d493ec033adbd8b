package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawFrameJournalTest {
    @TempDir
    Path journal;

    @Test
    void shouldReadBackFramesWithTheirReceiveTimeAndSource() {
        final byte[] small = "{\"e\":\"aggTrade\",\"p\":\"61800.20\"}".getBytes(StandardCharsets.US_ASCII);
        final byte[] large = new byte[10_000];
        Arrays.fill(large, (byte)'x');
        try (RawFrameWriter writer = new RawFrameWriter(JournalConfig.defaults(journal))) {
            writer.open();
            writer.append(1_000, 1, small, 0, small.length);
            writer.append(2_000, 2, large, 0, large.length);
            writer.append(3_000, 1, small, 2, 5);
            writer.endOfBatch();
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.RAW)) {
            final RawFrame frame = new RawFrame();
            assertTrue(reader.next(frame));
            assertEquals(1_000, frame.receiveTimeNs());
            assertEquals(1, frame.sourceId());
            assertArrayEquals(small, frame.copyOfBytes());
            assertTrue(reader.next(frame));
            assertEquals(2, frame.sourceId());
            assertArrayEquals(large, frame.copyOfBytes());
            assertTrue(reader.next(frame));
            assertEquals(3_000, frame.receiveTimeNs());
            assertArrayEquals(Arrays.copyOfRange(small, 2, 7), frame.copyOfBytes());
            assertFalse(reader.next(frame));
            assertEquals(3, reader.summarize().messages());
        }
    }

    /** A failed raw write is reported to the engine once and never thrown into the gateway's read loop. */
    @Test
    void shouldReportAFailedWriteInsteadOfThrowingIntoTheGateway() {
        final io.ringtrader.engine.errors.DistinctErrorHandler errors = new io.ringtrader.engine.errors.DistinctErrorHandler();
        final io.ringtrader.engine.pipeline.JournalProgress progress = new io.ringtrader.engine.pipeline.JournalProgress(errors);
        final byte[] frame = "{}".getBytes(StandardCharsets.US_ASCII);
        final RawFrameWriter writer = new RawFrameWriter(JournalConfig.defaults(journal)).reportFailuresTo(progress);
        // Not opened: every write fails, as one on a broken queue would.
        writer.append(1_000, 1, frame, 0, frame.length);
        writer.append(2_000, 1, frame, 0, frame.length);
        writer.endOfBatch();
        writer.close();

        final io.ringtrader.engine.pipeline.JournalProgress.Failure failure =
            progress.failure(io.ringtrader.engine.event.EngineStatus.STREAM_RAW);
        assertTrue(failure != null && failure.message().startsWith("journal: cannot write the raw queue " + journal.resolve("raw")),
            String.valueOf(failure));
        assertEquals(2, writer.unjournaled());
        assertEquals(1, errors.count(io.ringtrader.engine.errors.ErrorKind.JOURNAL));
    }
}
