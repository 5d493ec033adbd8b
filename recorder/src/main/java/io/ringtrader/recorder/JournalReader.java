package io.ringtrader.recorder;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesUtil;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wires;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads one journal queue in order, for replay and tools, without ever writing to it (the queue is
 * opened read-only, so a crashed writer's journal is inspected as it was left).
 *
 * <p>{@link #next(InboundEvent)} / {@link #next(OrderCommand)} decode the next message into the caller's
 * reusable object without allocating and return false at the end; {@link #index()} and
 * {@link #sequence()} then tell where it came from. Every message's schema version is checked: a newer
 * one fails with a {@link JournalFormatException} naming the journal and index.
 *
 * <p>Not thread-safe: use a reader on one thread (Chronicle tailers are bound to their thread).
 */
public final class JournalReader implements AutoCloseable {
    private static final String METADATA_FILE = "metadata.cq4t";
    private static final String CYCLE_FILE_SUFFIX = ".cq4";
    private static final int SCAN_LEVELS = 64;
    private static final int SCRATCH_INITIAL_BYTES = 4_096;

    private final Path directory;
    private final JournalStream stream;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    /** Each inbound message is copied here and decoded from the copy (see {@link InboundEventCodec#decode}). */
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(SCRATCH_INITIAL_BYTES);
    private long index = JournalSummary.NONE;
    private long sequence = JournalSummary.NONE;

    private JournalReader(final Path directory, final JournalStream stream) {
        this.directory = directory;
        this.stream = stream;
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(directory).readOnly(true);
        final JournalRollCycle rollCycle = rollCycleOf(directory);
        if (rollCycle != null) {
            builder.rollCycle(rollCycle.chronicleCycle());
        }
        queue = builder.build();
        tailer = queue.createTailer();
        // The reader is single-threaded by contract; Chronicle's per-call owner-thread check costs ~10% of a replay.
        tailer.singleThreadedCheckDisabled(true);
        tailer.toStart();
    }

    /**
     * Opens the {@code stream} queue of the journal in {@code journalDirectory}.
     *
     * @throws JournalNotFoundException if there is no such queue ("no journal at ...").
     */
    public static JournalReader open(final Path journalDirectory, final JournalStream stream) {
        final Path queueDirectory = journalDirectory.resolve(stream.directoryName());
        if (!isQueue(queueDirectory)) {
            throw new JournalNotFoundException("no journal at " + queueDirectory);
        }
        return new JournalReader(queueDirectory, stream);
    }

    /** The queue's directory. */
    public Path directory() {
        return directory;
    }

    public JournalStream stream() {
        return stream;
    }

    /**
     * Decodes the next inbound event into {@code into}.
     *
     * @return false, leaving {@code into} untouched, when there is no further complete message.
     * @throws JournalFormatException if the message cannot be decoded; the reader has moved past it.
     */
    public boolean next(final InboundEvent into) {
        requireStream(JournalStream.INBOUND);
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final long messageIndex = dc.index();
            try {
                sequence = InboundEventCodec.decode(dc.wire().bytes(), into, scratch);
            } catch (final RuntimeException e) {
                throw located(messageIndex, e);
            }
            index = messageIndex;
            return true;
        }
    }

    /**
     * Decodes the next order command into {@code into}.
     *
     * @return false, leaving {@code into} untouched, when there is no further complete message.
     * @throws JournalFormatException if the message cannot be decoded; the reader has moved past it.
     */
    public boolean next(final OrderCommand into) {
        requireStream(JournalStream.OUTBOUND);
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final long messageIndex = dc.index();
            try {
                sequence = OrderCommandCodec.decode(dc.wire().bytes(), into);
            } catch (final RuntimeException e) {
                throw located(messageIndex, e);
            }
            index = messageIndex;
            return true;
        }
    }

    /**
     * Decodes the next raw frame into {@code into}.
     *
     * @return false, leaving {@code into} untouched, when there is no further complete message.
     * @throws JournalFormatException if the message cannot be decoded; the reader has moved past it.
     */
    public boolean next(final RawFrame into) {
        requireStream(JournalStream.RAW);
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final long messageIndex = dc.index();
            try {
                RawFrameCodec.decode(dc.wire().bytes(), into);
            } catch (final RuntimeException e) {
                throw located(messageIndex, e);
            }
            index = messageIndex;
            sequence = JournalSummary.NONE;
            return true;
        }
    }

    /** Chronicle index of the message last read; {@link JournalSummary#NONE} before the first. */
    public long index() {
        return index;
    }

    /** Ring sequence of the message last read; {@link JournalSummary#NONE} before the first or for raw frames. */
    public long sequence() {
        return sequence;
    }

    /** Positions the reader so the next read returns the message at {@code index}; false if there is none. */
    public boolean moveToIndex(final long index) {
        return tailer.moveToIndex(index);
    }

    /** Positions the reader at the first message. */
    public void toStart() {
        tailer.toStart();
    }

    /**
     * Reads the whole queue, independently of this reader's position: counts and decodes every complete
     * message and reports how the queue ends.
     *
     * @throws JournalFormatException at the first message that cannot be decoded.
     */
    public JournalSummary summarize() {
        long messages = 0;
        long firstIndex = JournalSummary.NONE;
        long lastIndex = JournalSummary.NONE;
        long firstSequence = JournalSummary.NONE;
        long lastSequence = JournalSummary.NONE;
        InboundEvent event = null;
        final OrderCommand command = new OrderCommand();
        final RawFrame frame = new RawFrame();
        try (ExcerptTailer scan = queue.createTailer()) {
            scan.toStart();
            while (true) {
                try (DocumentContext dc = scan.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    final long messageIndex = dc.index();
                    final Bytes<?> bytes = dc.wire().bytes();
                    long messageSequence = JournalSummary.NONE;
                    try {
                        switch (stream) {
                            case INBOUND -> {
                                final int levels = InboundEventCodec.levelsNeeded(bytes);
                                if (event == null || event.levelCapacity() < levels) {
                                    event = new InboundEvent(Math.max(SCAN_LEVELS, levels));
                                }
                                messageSequence = InboundEventCodec.decode(bytes, event, scratch);
                            }
                            case OUTBOUND -> messageSequence = OrderCommandCodec.decode(bytes, command);
                            case RAW -> RawFrameCodec.decode(bytes, frame);
                        }
                    } catch (final RuntimeException e) {
                        throw located(messageIndex, e);
                    }
                    if (messages == 0) {
                        firstIndex = messageIndex;
                        firstSequence = messageSequence;
                    }
                    lastIndex = messageIndex;
                    lastSequence = messageSequence;
                    messages++;
                }
            }
        }
        return new JournalSummary(directory, stream, messages, firstIndex, lastIndex, firstSequence, lastSequence, tail());
    }

    /** The session headers writers recorded, oldest first. Scans the whole queue. */
    public List<JournalSession> sessions() {
        final List<JournalSession> sessions = new ArrayList<>();
        try (ExcerptTailer scan = queue.createTailer()) {
            scan.toStart();
            while (true) {
                try (DocumentContext dc = scan.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (dc.isMetaData()) {
                        final JournalSession session = JournalSession.readIfSession(dc.wire().bytes());
                        if (session != null) {
                            sessions.add(session);
                        }
                    }
                }
            }
        }
        return sessions;
    }

    @Override
    public void close() {
        try {
            tailer.close();
        } finally {
            queue.close();
        }
    }

    @Override
    public String toString() {
        return "JournalReader{" + directory + '}';
    }

    /**
     * Looks past the last complete document of the last cycle. Chronicle leaves a message's header 0 until
     * the message is complete, and zeroes the 8 bytes after every message it completes; so a zero header
     * followed by non-zero bytes is a message that was begun and never finished (every journal message
     * starts with a non-zero type byte). A not-complete header (older writers) means the same.
     */
    private JournalTail tail() {
        final int lastCycle = queue.lastCycle();
        if (lastCycle == Integer.MIN_VALUE) {
            return JournalTail.CLEAN;
        }
        JournalTail tail = JournalTail.CLEAN;
        try (ExcerptTailer scan = queue.createTailer()) {
            if (!scan.moveToCycle(lastCycle)) {
                return JournalTail.CLEAN;
            }
            while (true) {
                try (DocumentContext dc = scan.readingDocument(true)) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    tail = tailAfter(dc.wire().bytes());
                }
            }
        }
        return tail;
    }

    private static JournalTail tailAfter(final BytesIn<?> bytes) {
        final long end = bytes.readLimit();
        final long nextHeader = end + BytesUtil.padOffset(end);
        try {
            final int header = bytes.readVolatileInt(nextHeader);
            if (header == Wires.END_OF_DATA) {
                return JournalTail.CLEAN;
            }
            if ((header & Wires.NOT_COMPLETE) != 0) {
                return JournalTail.INCOMPLETE_MESSAGE;
            }
            if (header != 0) {
                return JournalTail.CLEAN;
            }
            return bytes.readVolatileInt(nextHeader + Wires.SPB_HEADER_SIZE) != 0 ? JournalTail.INCOMPLETE_MESSAGE : JournalTail.CLEAN;
        } catch (final BufferUnderflowException e) {
            return JournalTail.CLEAN;
        }
    }

    private JournalFormatException located(final long messageIndex, final RuntimeException e) {
        final String problem = e instanceof JournalFormatException
            ? e.getMessage()
            : "cannot be decoded (" + e + ")";
        return new JournalFormatException("journal " + directory + " message at index 0x" + Long.toHexString(messageIndex)
            + " " + problem, e);
    }

    private void requireStream(final JournalStream expected) {
        if (stream != expected) {
            throw new IllegalStateException("this reader reads the " + stream.directoryName() + " journal, not "
                + expected.directoryName());
        }
    }

    /**
     * The roll cycle whose file name pattern the queue's first cycle file matches, or null. Chronicle takes
     * the cycle from the queue's metadata anyway; telling it up front only spares a warning.
     */
    private static JournalRollCycle rollCycleOf(final Path directory) {
        final String name;
        try (Stream<Path> files = Files.list(directory)) {
            name = files.map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(CYCLE_FILE_SUFFIX))
                .findFirst()
                .orElse(null);
        } catch (final IOException e) {
            return null;
        }
        if (name == null) {
            return null;
        }
        final String stem = name.substring(0, name.length() - CYCLE_FILE_SUFFIX.length());
        for (final JournalRollCycle cycle : JournalRollCycle.values()) {
            try {
                DateTimeFormatter.ofPattern(cycle.chronicleCycle().format()).parse(stem);
                return cycle;
            } catch (final DateTimeParseException e) {
                continue;
            }
        }
        return null;
    }

    private static boolean isQueue(final Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                .anyMatch(name -> name.equals(METADATA_FILE) || name.endsWith(CYCLE_FILE_SUFFIX));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
