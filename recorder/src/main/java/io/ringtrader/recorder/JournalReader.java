package io.ringtrader.recorder;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;

/**
 * Reads one journal queue in order, for replay and tools, straight from its cycle files and without ever
 * writing to them, so a crashed writer's journal is inspected as it was left (see {@link DocumentCursor} for
 * the file layout).
 *
 * <p>Every message is checked before a byte of it is decoded: its framing against its file, its type and schema
 * version, and its CRC32C trailer (schema {@value JournalFormat#CHECKSUM_SINCE} and later; older messages carry
 * none and are read <em>unchecked</em>). A message that fails, or a run of bytes that frames no message, is
 * {@link JournalDamage}: a reader opened to {@link DamagePolicy#REFUSE refuse} it throws a
 * {@link JournalDamageException} naming the journal, index and byte offset; one opened to
 * {@link DamagePolicy#SKIP skip} it records it ({@link #skipped()}) and reads on. Damage is never decoded as data.
 *
 * <p>{@link #next(InboundEvent)} / {@link #next(OrderCommand)} / {@link #next(RawFrame)} decode the next message
 * into the caller's reusable object without allocating and return false at the end of what was written;
 * {@link #index()} and {@link #sequence()} then tell where it came from. {@link #summarize()} reads the whole queue
 * on its own and reports every damaged part and how the queue ends.
 *
 * <p>Not thread-safe: use a reader on one thread.
 */
public final class JournalReader implements AutoCloseable {
    /** Most damaged parts a reader or summary lists; it counts all of them. */
    public static final int MAX_LISTED_DAMAGE = 10_000;
    private static final int SCAN_LEVELS = 64;
    /** Messages {@link #firstSession()} reads past before it gives up looking for a session header. */
    private static final int HEADER_SCAN_MESSAGES = 64;

    /** What a reader does at a damaged message. */
    public enum DamagePolicy {
        /** Throw a {@link JournalDamageException} (the reader has moved past the damage). */
        REFUSE,
        /** Record it in {@link #skipped()} and read on. */
        SKIP
    }

    private final Path directory;
    private final JournalStream stream;
    private final DamagePolicy policy;
    private final DocumentCursor cursor;
    private final List<JournalDamage> skipped = new ArrayList<>();
    private long skippedCount;
    private long index = JournalSummary.NONE;
    private long sequence = JournalSummary.NONE;
    private boolean lastWasDamage;
    private JournalTail tail;

    private JournalReader(final Path directory, final JournalStream stream, final DamagePolicy policy) {
        this.directory = directory;
        this.stream = stream;
        this.policy = policy;
        this.cursor = new DocumentCursor(directory, typeOf(stream));
    }

    /**
     * Opens the {@code stream} queue of the journal in {@code journalDirectory}, refusing damage.
     *
     * @throws JournalNotFoundException if there is no such queue ("no journal at ...").
     */
    public static JournalReader open(final Path journalDirectory, final JournalStream stream) {
        return open(journalDirectory, stream, DamagePolicy.REFUSE);
    }

    /**
     * Opens the {@code stream} queue of the journal in {@code journalDirectory}.
     *
     * @throws JournalNotFoundException if there is no such queue ("no journal at ...").
     */
    public static JournalReader open(final Path journalDirectory, final JournalStream stream, final DamagePolicy policy) {
        final Path queueDirectory = journalDirectory.resolve(stream.directoryName());
        if (!isQueue(queueDirectory)) {
            throw new JournalNotFoundException("no journal at " + queueDirectory);
        }
        return new JournalReader(queueDirectory, stream, policy);
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
     * @return false, leaving {@code into} untouched, when there is no further readable message.
     * @throws JournalDamageException   at damage, when refusing it; the reader has moved past it.
     * @throws JournalFormatException   if a message holds more levels than {@code into} can.
     */
    public boolean next(final InboundEvent into) {
        requireStream(JournalStream.INBOUND);
        while (nextDocument()) {
            final DirectBuffer message = cursor.message();
            final int length = cursor.messageLength();
            try {
                InboundEventCodec.requireLevelCapacity(message, length, into);
            } catch (final JournalFormatException e) {
                throw new JournalFormatException(where() + " " + e.getMessage(), e);
            }
            try {
                sequence = InboundEventCodec.decode(message, length, into);
            } catch (final JournalFormatException e) {
                damaged(impossible(e));
                continue;
            }
            index = cursor.index();
            return true;
        }
        return false;
    }

    /**
     * Decodes the next order command into {@code into}.
     *
     * @return false, leaving {@code into} untouched, when there is no further readable message.
     * @throws JournalDamageException at damage, when refusing it; the reader has moved past it.
     */
    public boolean next(final OrderCommand into) {
        requireStream(JournalStream.OUTBOUND);
        while (nextDocument()) {
            try {
                sequence = OrderCommandCodec.decode(cursor.message(), cursor.messageLength(), into);
            } catch (final JournalFormatException e) {
                damaged(impossible(e));
                continue;
            }
            index = cursor.index();
            return true;
        }
        return false;
    }

    /**
     * Decodes the next raw frame into {@code into}.
     *
     * @return false, leaving {@code into} untouched, when there is no further readable message.
     * @throws JournalDamageException at damage, when refusing it; the reader has moved past it.
     */
    public boolean next(final RawFrame into) {
        requireStream(JournalStream.RAW);
        while (nextDocument()) {
            try {
                RawFrameCodec.decode(cursor.message(), cursor.messageLength(), into);
            } catch (final JournalFormatException e) {
                damaged(impossible(e));
                continue;
            }
            index = cursor.index();
            sequence = JournalSummary.NONE;
            return true;
        }
        return false;
    }

    /**
     * Chronicle index of the message last read; {@link JournalSummary#NONE} before the first, and for a message
     * after damage that hid how many messages came before it in its cycle file.
     */
    public long index() {
        return index;
    }

    /** Ring sequence of the message last read; {@link JournalSummary#NONE} before the first or for raw frames. */
    public long sequence() {
        return sequence;
    }

    /** The damage this reader skipped so far, oldest first (at most {@link #MAX_LISTED_DAMAGE}). */
    public List<JournalDamage> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** How many damaged parts this reader skipped so far, listed or not. */
    public long skippedCount() {
        return skippedCount;
    }

    /**
     * How the queue ends, once a {@code next} call returned false: cleanly, with a message its writer never finished,
     * or in damage (skipped, or refused just before). Null before the end is reached.
     */
    public JournalTail tail() {
        return tail;
    }

    /** Positions the reader so the next read returns the message at {@code index}; false if there is none. */
    public boolean moveToIndex(final long index) {
        return cursor.moveToIndex(index);
    }

    /** Positions the reader at the first message. */
    public void toStart() {
        cursor.toStart();
    }

    /**
     * Reads the whole queue, independently of this reader's position and policy: counts and decodes every
     * readable message, lists every damaged part and reports where the readable data ends and how the queue ends.
     * Never throws for damage.
     */
    public JournalSummary summarize() {
        final Summarizer summarizer = new Summarizer();
        try (DocumentCursor scan = new DocumentCursor(directory, typeOf(stream))) {
            summarizer.run(scan);
        }
        return summarizer.summary();
    }

    /**
     * The sessions writers recorded, oldest first: the sound session headers each writer wrote when it opened the queue
     * (not those it repeated in the cycle files it rolled into). Scans the whole queue.
     */
    public List<JournalSession> sessions() {
        final List<JournalSession> sessions = new ArrayList<>();
        try (DocumentCursor scan = new DocumentCursor(directory, typeOf(stream))) {
            int result;
            while ((result = scan.advance()) != DocumentCursor.END) {
                if (result == DocumentCursor.SESSION) {
                    final JournalSession session = sessionOrNull(scan);
                    if (session != null && !session.rolled()) {
                        sessions.add(session);
                    }
                }
            }
        }
        return sessions;
    }

    /**
     * The first sound session header of the queue, opened or rolled: what the queue says it holds. A writer writes it
     * before its first message, and in each later cycle file after that file's first message, so this reads only the
     * start of the queue (at most {@value #HEADER_SCAN_MESSAGES} messages), wherever this reader is. Null when there is
     * none there (a queue no writer of ours opened, or damage where its header was).
     */
    public JournalSession firstSession() {
        try (DocumentCursor scan = new DocumentCursor(directory, typeOf(stream))) {
            int messages = 0;
            int result;
            while (messages <= HEADER_SCAN_MESSAGES && (result = scan.advance()) != DocumentCursor.END) {
                if (result == DocumentCursor.SESSION) {
                    final JournalSession session = sessionOrNull(scan);
                    if (session != null) {
                        return session;
                    }
                } else if (result == DocumentCursor.DOCUMENT) {
                    messages++;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        cursor.close();
    }

    @Override
    public String toString() {
        return "JournalReader{" + directory + '}';
    }

    /** Advances to the next sound message; damage on the way is refused or skipped. */
    private boolean nextDocument() {
        while (true) {
            switch (cursor.advance()) {
                case DocumentCursor.DOCUMENT:
                    tail = null;
                    lastWasDamage = false;
                    return true;
                case DocumentCursor.DAMAGE:
                    damaged(cursor.damage());
                    break;
                case DocumentCursor.END:
                    tail = lastWasDamage ? JournalTail.DAMAGED : cursor.endTail();
                    return false;
                default:
                    lastWasDamage = false;
                    break;
            }
        }
    }

    private void damaged(final JournalDamage damage) {
        lastWasDamage = true;
        if (policy == DamagePolicy.REFUSE) {
            throw new JournalDamageException("journal " + directory + ": " + damage.describe(), damage);
        }
        skippedCount++;
        if (skipped.size() < MAX_LISTED_DAMAGE) {
            skipped.add(damage);
        }
    }

    /** The current message, sound in its framing and checksum, whose body does not fit its layout. */
    private JournalDamage impossible(final JournalFormatException e) {
        return impossible(cursor, e);
    }

    private static JournalDamage impossible(final DocumentCursor at, final JournalFormatException e) {
        return new JournalDamage(at.file(), at.offset(), at.documentLength(), at.index(),
            JournalDamage.Problem.IMPOSSIBLE_MESSAGE, e.getMessage());
    }

    private static JournalSession sessionOrNull(final DocumentCursor at) {
        try {
            return JournalSession.readIfSession(at.message(), at.messageLength());
        } catch (final JournalFormatException e) {
            return null;
        }
    }

    private String where() {
        return "journal " + directory + ": message at index " + JournalSummary.hex(cursor.index()) + " ("
            + cursor.file().getFileName() + " byte offset " + cursor.offset() + ")";
    }

    private void requireStream(final JournalStream expected) {
        if (stream != expected) {
            throw new IllegalStateException("this reader reads the " + stream.directoryName() + " journal, not "
                + expected.directoryName());
        }
    }

    private static byte typeOf(final JournalStream stream) {
        return switch (stream) {
            case INBOUND -> JournalFormat.TYPE_INBOUND_EVENT;
            case OUTBOUND -> JournalFormat.TYPE_ORDER_COMMAND;
            case RAW -> JournalFormat.TYPE_RAW_FRAME;
        };
    }

    private static boolean isQueue(final Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                .anyMatch(name -> name.equals(QueueFiles.METADATA_FILE) || name.endsWith(QueueFiles.CYCLE_FILE_SUFFIX));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** One pass of {@link #summarize()}. */
    private final class Summarizer {
        private final OrderCommand command = new OrderCommand();
        private final RawFrame frame = new RawFrame();
        private final List<JournalDamage> damage = new ArrayList<>();
        private final List<JournalSession> sessions = new ArrayList<>();
        private InboundEvent event;
        private long messages;
        private long unchecked;
        private long firstIndex = JournalSummary.NONE;
        private long lastIndex = JournalSummary.NONE;
        private long firstSequence = JournalSummary.NONE;
        private long lastSequence = JournalSummary.NONE;
        private long damaged;
        private boolean endsInDamage;
        private Path endFile;
        private long endOffset = JournalSummary.NONE;
        private JournalTail tail = JournalTail.CLEAN;

        void run(final DocumentCursor scan) {
            while (true) {
                switch (scan.advance()) {
                    case DocumentCursor.DOCUMENT -> onMessage(scan);
                    case DocumentCursor.SESSION -> {
                        final JournalSession session = sessionOrNull(scan);
                        if (session != null && !session.rolled()) {
                            sessions.add(session);
                        }
                        readable(scan);
                    }
                    case DocumentCursor.METADATA -> readable(scan);
                    case DocumentCursor.DAMAGE -> onDamage(scan.damage());
                    default -> {
                        tail = endsInDamage ? JournalTail.DAMAGED : scan.endTail();
                        return;
                    }
                }
            }
        }

        JournalSummary summary() {
            return new JournalSummary(directory, stream, messages, unchecked, firstIndex, lastIndex, firstSequence,
                lastSequence, tail, endFile, endOffset, damaged, List.copyOf(damage), List.copyOf(sessions));
        }

        private void onMessage(final DocumentCursor scan) {
            final long messageSequence;
            try {
                messageSequence = decode(scan.message(), scan.messageLength());
            } catch (final JournalFormatException e) {
                onDamage(impossible(scan, e));
                return;
            }
            if (messages == 0) {
                firstIndex = scan.index();
                firstSequence = messageSequence;
            }
            lastIndex = scan.index();
            lastSequence = messageSequence;
            messages++;
            if (!JournalFormat.isChecked(scan.version())) {
                unchecked++;
            }
            readable(scan);
        }

        private long decode(final DirectBuffer message, final int length) {
            switch (stream) {
                case INBOUND -> {
                    final int levels = InboundEventCodec.levelsNeeded(message, length);
                    if (event == null || event.levelCapacity() < levels) {
                        event = new InboundEvent(Math.max(SCAN_LEVELS, levels));
                    }
                    return InboundEventCodec.decode(message, length, event);
                }
                case OUTBOUND -> {
                    return OrderCommandCodec.decode(message, length, command);
                }
                default -> {
                    RawFrameCodec.decode(message, length, frame);
                    return JournalSummary.NONE;
                }
            }
        }

        private void readable(final DocumentCursor scan) {
            endsInDamage = false;
            endFile = scan.file();
            endOffset = scan.endOfDocument();
        }

        private void onDamage(final JournalDamage found) {
            endsInDamage = true;
            damaged++;
            if (damage.size() < MAX_LISTED_DAMAGE) {
                damage.add(found);
            }
        }
    }
}
