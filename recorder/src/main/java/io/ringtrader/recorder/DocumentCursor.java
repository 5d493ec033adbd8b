package io.ringtrader.recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Walks the documents of one queue straight from its cycle files, oldest first, and checks every one of ours
 * before anyone decodes it: its length against its file, its type and schema version, and its CRC32C trailer
 * (see {@link JournalFormat}). It reads the files read-only, through its own mappings, and never trusts
 * Chronicle's index or store header, so a damaged queue is read as far as its bytes allow and every damaged
 * part is reported where it is.
 *
 * <p>A cycle file, as Chronicle Queue writes it:
 * <pre>
 *  offset  document                                   header word (u32, little-endian)
 *  0       Chronicle's store header (binary wire)      META_DATA | length
 *  ...     Chronicle's index documents                 META_DATA | length
 *  ...     a session header ('S', ours; in a later     META_DATA | length
 *          cycle file after its first message)
 *  ...     messages ('I', 'O' or 'R'), each padded     length
 *          to a multiple of 4 bytes; more index
 *          documents among them as the queue grows
 *  ...     0 (nothing written yet) or END_OF_DATA      0, or 0xC0000000 once the writer rolled to the next file
 *
 *  header word: bits 0-29 length, bit 30 META_DATA, bit 31 NOT_COMPLETE
 * </pre>
 * A message's Chronicle index is its cycle (from the file's name) and its position among the messages of its
 * file. A writer writes a message's bytes first and its header word last; a writer killed in between leaves
 * a zero header followed by the bytes of one message and nothing after them: an unfinished message, which is
 * the end of the queue, not damage.
 *
 * <p>{@link #advance()} moves to the next document or damaged part and says which with a code; the current
 * message ({@link #message()}) is valid until the next call. Steady-state advancing does not allocate (a
 * new mapping every {@value #WINDOW_BYTES} bytes aside).
 *
 * <p>Not thread-safe: one thread per cursor.
 */
final class DocumentCursor implements AutoCloseable {
    /** {@link #advance()}: a message of the queue's type whose framing and checksum are sound. */
    static final int DOCUMENT = 1;
    /** {@link #advance()}: a session header ({@link JournalSession}), checksum sound. */
    static final int SESSION = 2;
    /** {@link #advance()}: Chronicle's own metadata (store header, index): nothing for readers. */
    static final int METADATA = 3;
    /** {@link #advance()}: a damaged message or run of bytes ({@link #damageProblem()} and friends). */
    static final int DAMAGE = 4;
    /** {@link #advance()}: nothing further has been written (yet); {@link #endTail()} says how the queue ends. */
    static final int END = 5;

    private static final int CONTINUE = 0;
    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    private static final int END_OF_DATA = NOT_COMPLETE | META_DATA;
    private static final int HEADER_WORD = 4;
    private static final int WINDOW_BYTES = 256 << 20;
    private static final long PAGE_MASK = ~4095L;
    /** First byte of every Chronicle metadata document: a binary wire field name. */
    private static final byte BINARY_WIRE_FIELD = (byte)0xB9;
    /** Longest Chronicle index document a resynchronising scan accepts (its arrays are a few tens of kilobytes). */
    private static final int MAX_INDEX_LENGTH = 1 << 24;
    /** Binary wire codes in Chronicle's index documents: one padding byte, padding with a length, an i64 array. */
    private static final byte WIRE_PADDING = (byte)0x8F;
    private static final byte WIRE_PADDING32 = (byte)0x8E;
    private static final byte WIRE_I64_ARRAY = (byte)0x8D;
    private static final byte[] INDEX_TO_INDEX_NAME = "index2index".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INDEX_NAME = "index".getBytes(StandardCharsets.US_ASCII);
    private static final int NONE = -1;
    private static final ByteOrder ORDER = JournalFormat.BYTE_ORDER;

    private final byte type;
    private final int maxMessageLength;
    private final CRC32C crc = new CRC32C();
    /** Each checked message is copied here for its checksum (see {@link #checksum}); grows for a longer one. */
    private byte[] copy = new byte[4096];
    private final UnsafeBuffer window = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer message = new UnsafeBuffer(0, 0);
    private QueueFiles files;
    private int fileIndex = NONE;
    private FileChannel channel;
    private long fileSize;
    private MappedByteBuffer mapping;
    private long mappingStart;
    private int mappingLength;
    /** Offset of the next header word in the current file. */
    private long position;
    /** Messages of the current file before {@link #position}; {@link #NONE} once damage hid how many. */
    private long sequence;
    private boolean fileDone;
    /**
     * Chronicle's index of the current file, as far as read: where its index arrays are, and the message positions in
     * the last array read (entry {@code j} is the message numbered {@code entriesFirstSequence + j * indexSpacing}).
     * After damage hides how many messages came before, the next message found in it gives the numbering back.
     */
    private long[] arrayPositions = new long[0];
    private int arrayCount;
    private long[] entries = new long[0];
    private int entryCount;
    private long entriesFirstSequence;
    private int indexSpacing;
    private int indexCount;
    /** Whether {@link #sequence} was taken from the index (and not counted from the file's start). */
    private boolean sequenceFromIndex;
    /** Whether a sound message or session header was met in the current file. */
    private boolean soundInFile;
    /** Whether an index array of the current file was read. */
    private boolean indexRead;
    /** Where the end of the written data was found, so polling at the end does not scan the file again. */
    private long endCheckedAt = NONE;
    private int endCheckedHeader;
    private JournalTail endTail = JournalTail.CLEAN;

    private long documentOffset;
    private int documentLength;
    private long documentIndex;
    private int version;
    private int messageLength;

    private JournalDamage.Problem damageProblem;
    /** What {@link #problemOf} found wrong. */
    private JournalDamage.Problem problemKind;
    private long damageOffset;
    private long damageLength;
    private long damageIndex;
    private String damageDetail;
    /** Scan results: the first and last non-zero word seen, and a sound document found. */
    private long firstNonZero;
    private long lastNonZero;

    /**
     * @param directory the queue's directory.
     * @param type      the message type of the queue ({@link JournalFormat#TYPE_INBOUND_EVENT} and friends).
     */
    DocumentCursor(final Path directory, final byte type) {
        this.type = type;
        this.maxMessageLength = maxMessageLength(type);
        this.files = QueueFiles.list(directory);
    }

    /** Moves to the next document, damaged part or the end; see the codes. */
    int advance() {
        while (true) {
            if (fileIndex == NONE || fileDone) {
                if (!openNextFile()) {
                    endTail = JournalTail.CLEAN;
                    return END;
                }
            }
            final int result;
            try {
                result = step();
            } catch (final InternalError e) {
                // A mapped page the file system could not provide (see checksum): its error may surface a little after
                // the access that faulted, so it names the document being read.
                throw unreadable(offsetInWindow(position), e);
            }
            if (result != CONTINUE) {
                return result;
            }
        }
    }

    /** Back to the first document of the first cycle file (listing the directory again). */
    void toStart() {
        closeFile();
        files = QueueFiles.list(files.directory());
        fileIndex = NONE;
    }

    /**
     * Positions the cursor so that the next {@link #advance()} returns the message at {@code index}.
     *
     * @return false, positioned at the start, when the queue holds no such readable message.
     */
    boolean moveToIndex(final long index) {
        toStart();
        if (files.count() == 0) {
            return false;
        }
        final int cycle = files.rollCycle().chronicleCycle().toCycle(index);
        final int file = files.fileOfCycle(cycle);
        if (file == NONE) {
            return false;
        }
        openFile(file);
        while (true) {
            final long before = position;
            final long sequenceBefore = sequence;
            final int fileBefore = fileIndex;
            final int result = advance();
            if (result == END || fileIndex != fileBefore) {
                toStart();
                return false;
            }
            if (result == DOCUMENT && documentIndex == index) {
                position = before;
                sequence = sequenceBefore;
                return true;
            }
        }
    }

    /** The current message, without its checksum trailer; valid until the next {@link #advance()}. */
    DirectBuffer message() {
        return message;
    }

    /** Bytes of {@link #message()}. */
    int messageLength() {
        return messageLength;
    }

    /** Schema version of the current message. */
    int version() {
        return version;
    }

    /** Chronicle index of the current message; {@link JournalSummary#NONE} where damage before it hid it. */
    long index() {
        return documentIndex;
    }

    /** Byte offset of the current document's header word in {@link #file()}. */
    long offset() {
        return documentOffset;
    }

    /** Bytes of the current document, header word included. */
    int documentLength() {
        return documentLength;
    }

    /** The cycle file of the current document, damage or end; null before the first. */
    Path file() {
        return fileIndex == NONE ? null : files.file(fileIndex);
    }

    /** Offset just after the current document: where the readable data ends so far. */
    long endOfDocument() {
        return documentOffset + documentLength;
    }

    /** After {@link #END}: whether the queue ends cleanly or with a message its writer never finished. */
    JournalTail endTail() {
        return endTail;
    }

    JournalDamage.Problem damageProblem() {
        return damageProblem;
    }

    long damageOffset() {
        return damageOffset;
    }

    long damageLength() {
        return damageLength;
    }

    long damageIndex() {
        return damageIndex;
    }

    String damageDetail() {
        return damageDetail;
    }

    /** The damage just reported, as a record. Allocates. */
    JournalDamage damage() {
        return new JournalDamage(file(), damageOffset, damageLength, damageIndex, damageProblem, damageDetail);
    }

    @Override
    public void close() {
        closeFile();
    }

    /** One step at {@link #position}: a result, or {@link #CONTINUE} to go on (next file, or a skipped end). */
    private int step() {
        if (position + HEADER_WORD > fileSize) {
            refreshSize();
            if (position + HEADER_WORD > fileSize) {
                fileDone = true;
                return damage(JournalDamage.Problem.TRUNCATED, position, 0, NONE,
                    "the file ends at byte " + fileSize + " without an end-of-data marker: cut short");
            }
        }
        final int header = header(position);
        if (header == END_OF_DATA) {
            fileDone = true;
            return CONTINUE;
        }
        if (header == 0 || (header & NOT_COMPLETE) != 0) {
            return unwritten(header);
        }
        final int length = header & LENGTH_MASK;
        final long end = position + HEADER_WORD + length;
        final boolean metaData = (header & META_DATA) != 0;
        if (!metaData) {
            recoverSequence(position);
        }
        final long index = metaData ? NONE : currentIndex();
        if (end > fileSize) {
            refreshSize();
            if (end > fileSize) {
                return pastTheEnd(length, index);
            }
        }
        map(position, HEADER_WORD + length);
        final long at = position;
        position = align(end);
        if (!metaData) {
            sequence = sequence == NONE ? NONE : sequence + 1;
        }
        final int result = metaData ? checkMetaData(at, length) : checkMessage(at, length, index);
        if (result == DAMAGE && damageProblem != JournalDamage.Problem.TRUNCATED && !plausibleAt(position)) {
            // The header word itself is probably what was damaged: what follows frames nothing.
            position = at;
            return unreadableFrom(at, index, "the message here fails its check (" + damageProblem.text() + ": " + damageDetail
                + ") and its length word leads into bytes that frame no document");
        }
        if (result == METADATA) {
            readIndex(at, length);
        }
        return result;
    }

    /**
     * The document at {@link #position} declares {@code length} bytes, more than its file holds after it: either its
     * length word is damaged (sound documents follow it) or the file was cut short inside it (none does).
     */
    private int pastTheEnd(final int length, final long index) {
        final long at = position;
        final String declared = "its header declares " + length + " bytes, the file ends after " + (fileSize - at - HEADER_WORD);
        final long found = scan(at + HEADER_WORD, fileSize);
        if (found != NONE) {
            position = found;
            sequence = NONE;
            return damage(JournalDamage.Problem.UNREADABLE_BYTES, at, found - at, index,
                declared + ", yet documents resume at byte " + found + ": a damaged length word");
        }
        fileDone = true;
        return damage(JournalDamage.Problem.TRUNCATED, at, fileSize - at, index, declared);
    }

    /** A data document: sound, or damage. */
    private int checkMessage(final long at, final int length, final long index) {
        documentOffset = at;
        documentLength = HEADER_WORD + length;
        documentIndex = index;
        final String problem = problemOf(at, length, false);
        if (problem != null) {
            return damage(problemKind, at, HEADER_WORD + length, index, problem);
        }
        return DOCUMENT;
    }

    /** A metadata document: Chronicle's, a sound session header of ours, or damage. */
    private int checkMetaData(final long at, final int length) {
        documentOffset = at;
        documentLength = HEADER_WORD + length;
        documentIndex = NONE;
        if (length == 0) {
            return damage(JournalDamage.Problem.IMPOSSIBLE_MESSAGE, at, HEADER_WORD, NONE, "an empty metadata document");
        }
        final byte first = window.getByte(offsetInWindow(at + HEADER_WORD));
        if (first == BINARY_WIRE_FIELD) {
            return METADATA;
        }
        if (first == JournalFormat.TYPE_SESSION) {
            final String problem = problemOf(at, length, true);
            if (problem != null) {
                return damage(problemKind, at, HEADER_WORD + length, NONE, "session header " + problem);
            }
            return SESSION;
        }
        return damage(JournalDamage.Problem.IMPOSSIBLE_MESSAGE, at, HEADER_WORD + length, NONE,
            "a metadata document that is neither Chronicle's nor a session header (first byte 0x"
                + Integer.toHexString(first & 0xFF) + ")");
    }

    /**
     * Checks one of our messages of {@code length} bytes after the header word at {@code at} (mapped): its header,
     * schema version and checksum. Sets the current message on success.
     *
     * @return null when sound, else what is wrong (and {@link #problemKind}).
     */
    private String problemOf(final long at, final int length, final boolean session) {
        if (length < JournalFormat.HEADER_LENGTH) {
            problemKind = JournalDamage.Problem.IMPOSSIBLE_MESSAGE;
            return "is " + length + " bytes long: shorter than a message header";
        }
        final int start = offsetInWindow(at + HEADER_WORD);
        final byte messageType = window.getByte(start);
        final int messageVersion = window.getShort(start + 1, ORDER) & 0xFFFF;
        if (messageType == 0) {
            problemKind = JournalDamage.Problem.IMPOSSIBLE_MESSAGE;
            return "has message type 0";
        }
        if (messageVersion == 0) {
            problemKind = JournalDamage.Problem.IMPOSSIBLE_MESSAGE;
            return "has schema version 0";
        }
        int bodyLength = length;
        if (JournalFormat.isChecked(messageVersion)) {
            if (length < JournalFormat.HEADER_LENGTH + JournalFormat.TRAILER_LENGTH) {
                problemKind = JournalDamage.Problem.IMPOSSIBLE_MESSAGE;
                return "is " + length + " bytes long: too short for a schema " + messageVersion + " message and its checksum";
            }
            bodyLength = length - JournalFormat.TRAILER_LENGTH;
            final int stored = window.getInt(start + bodyLength, ORDER);
            final int computed = checksum(start, bodyLength);
            if (stored != computed) {
                problemKind = JournalDamage.Problem.CHECKSUM_MISMATCH;
                return String.format("stored 0x%08x, its bytes give 0x%08x", stored, computed);
            }
        }
        if (messageVersion > JournalFormat.SCHEMA_VERSION && !session) {
            problemKind = JournalDamage.Problem.NEWER_SCHEMA;
            return "has schema version " + messageVersion + ", this build reads up to " + JournalFormat.SCHEMA_VERSION;
        }
        if (!session && messageType != type) {
            problemKind = JournalDamage.Problem.IMPOSSIBLE_MESSAGE;
            return "is of message type " + JournalFormat.typeName(messageType) + ", expected " + JournalFormat.typeName(type);
        }
        version = messageVersion;
        messageLength = bodyLength;
        message.wrap(window.addressOffset() + start, bodyLength);
        soundInFile = true;
        return null;
    }

    /**
     * At {@code position} no complete document starts (a zero or not-complete header word): the end of what was
     * written, a message a killed writer left unfinished, or damage hiding documents that follow.
     */
    private int unwritten(final int header) {
        final long at = position;
        if (at == endCheckedAt && header == endCheckedHeader) {
            return END;
        }
        final long found = scan(at + HEADER_WORD, fileSize);
        if (found != NONE) {
            final long index = currentIndex();
            position = found;
            sequence = NONE;
            return damage(JournalDamage.Problem.UNREADABLE_BYTES, at, found - at, index,
                "no document starts here (header word 0x" + Integer.toHexString(header) + "), yet documents follow at byte "
                    + found);
        }
        final boolean lastFile = fileIndex == files.count() - 1;
        if (firstNonZero == NONE) {
            return endOfData(at, header, header == 0 ? JournalTail.CLEAN : JournalTail.INCOMPLETE_MESSAGE, lastFile);
        }
        final long end = lastNonZero + HEADER_WORD;
        if ((header != 0 || firstNonZero == at + HEADER_WORD) && end - at <= HEADER_WORD + maxMessageLength) {
            if (lastFile) {
                return endOfData(at, header, JournalTail.INCOMPLETE_MESSAGE, true);
            }
            fileDone = true;
            return damage(JournalDamage.Problem.UNFINISHED_MESSAGE, at, end - at, currentIndex(),
                "begun and never finished, and later cycle files follow");
        }
        fileDone = true;
        return damage(JournalDamage.Problem.UNREADABLE_BYTES, at, end - at, currentIndex(),
            "bytes after the last document that frame none (header word 0x" + Integer.toHexString(header) + ")");
    }

    private int endOfData(final long at, final int header, final JournalTail tail, final boolean lastFile) {
        if (!lastFile) {
            fileDone = true;
            return CONTINUE;
        }
        endCheckedAt = at;
        endCheckedHeader = header;
        endTail = tail;
        return END;
    }

    /**
     * The header word at {@code at}, of the message that would be numbered {@code index}, could not be trusted
     * ({@code why}): find where sound documents resume.
     */
    private int unreadableFrom(final long at, final long index, final String why) {
        final long found = scan(at + HEADER_WORD, fileSize);
        sequence = NONE;
        if (found != NONE) {
            position = found;
            return damage(JournalDamage.Problem.UNREADABLE_BYTES, at, found - at, index,
                why + "; documents resume at byte " + found);
        }
        fileDone = true;
        final long end = Math.max(at + HEADER_WORD, lastNonZero + HEADER_WORD);
        return damage(JournalDamage.Problem.UNREADABLE_BYTES, at, end - at, index, why + "; no document follows in this file");
    }

    /**
     * Scans the 4-byte words in {@code [from, to)} for the first one that starts a sound document; notes the first and
     * last non-zero word on the way.
     *
     * @return the offset of that document, or {@link #NONE}.
     */
    private long scan(final long from, final long to) {
        firstNonZero = NONE;
        lastNonZero = NONE;
        long at = align(from);
        while (at + HEADER_WORD <= to) {
            map(at, (int)Math.min(WINDOW_BYTES, to - at));
            while (at + HEADER_WORD <= Math.min(to, mappingStart + mappingLength)) {
                if ((at & 7) == 0 && at + 8 <= Math.min(to, mappingStart + mappingLength)
                    && window.getLong(offsetInWindow(at)) == 0) {
                    at += 8;
                    continue;
                }
                final int word = window.getInt(offsetInWindow(at));
                if (word != 0) {
                    if (firstNonZero == NONE) {
                        firstNonZero = at;
                    }
                    lastNonZero = at;
                    if (startsSoundDocument(at, word)) {
                        return at;
                    }
                    map(at, (int)Math.min(WINDOW_BYTES, to - at));
                }
                at += HEADER_WORD;
            }
        }
        return NONE;
    }

    /** Whether a complete document of ours, with a sound checksum, or an unchecked one followed by a plausible one, is at {@code at}. */
    private boolean startsSoundDocument(final long at, final int header) {
        if ((header & NOT_COMPLETE) != 0) {
            return false;
        }
        final int length = header & LENGTH_MASK;
        final boolean metaData = (header & META_DATA) != 0;
        if (length < JournalFormat.HEADER_LENGTH + JournalFormat.TRAILER_LENGTH || at + HEADER_WORD + length > fileSize) {
            return false;
        }
        // The first bytes decide most candidates; map and checksum the whole document only for the few left.
        map(at, HEADER_WORD + Math.min(length, 2 + INDEX_TO_INDEX_NAME.length));
        final int start = offsetInWindow(at + HEADER_WORD);
        if (metaData && length <= MAX_INDEX_LENGTH
            && (nameIs(start, length, INDEX_TO_INDEX_NAME) || nameIs(start, length, INDEX_NAME))) {
            return plausibleAt(align(at + HEADER_WORD + length));
        }
        if (length > (metaData ? JournalSession.MAX_LENGTH : maxMessageLength)
            || window.getByte(start) != (metaData ? JournalFormat.TYPE_SESSION : type)) {
            return false;
        }
        final int messageVersion = window.getShort(start + 1, ORDER) & 0xFFFF;
        if (messageVersion == 0) {
            return false;
        }
        if (JournalFormat.isChecked(messageVersion)) {
            map(at, HEADER_WORD + length);
            final int bodyStart = offsetInWindow(at + HEADER_WORD);
            final int bodyLength = length - JournalFormat.TRAILER_LENGTH;
            return window.getInt(bodyStart + bodyLength, ORDER) == checksum(bodyStart, bodyLength);
        }
        return !metaData && plausibleAt(align(at + HEADER_WORD + length));
    }

    /** Whether what is at {@code at} could follow a sound document: the end of data, or a document that fits its file. */
    private boolean plausibleAt(final long at) {
        if (at + HEADER_WORD > fileSize) {
            return false;
        }
        map(at, HEADER_WORD);
        final int header = header(at);
        if (header == 0 || header == END_OF_DATA) {
            return true;
        }
        if ((header & NOT_COMPLETE) != 0) {
            return false;
        }
        final int length = header & LENGTH_MASK;
        if (at + HEADER_WORD + length > fileSize || length == 0) {
            return false;
        }
        map(at, HEADER_WORD + Math.min(length, JournalFormat.HEADER_LENGTH));
        final byte first = window.getByte(offsetInWindow(at + HEADER_WORD));
        if ((header & META_DATA) != 0) {
            return first == BINARY_WIRE_FIELD || first == JournalFormat.TYPE_SESSION;
        }
        return length >= JournalFormat.HEADER_LENGTH && first != 0
            && (window.getShort(offsetInWindow(at + HEADER_WORD + 1), ORDER) & 0xFFFF) != 0;
    }

    /** Reads Chronicle's index document of {@code length} bytes after the header word at {@code at} (mapped), if it is one. */
    private void readIndex(final long at, final int length) {
        final int start = offsetInWindow(at + HEADER_WORD);
        final int end = start + length;
        final boolean arrays = nameIs(start, length, INDEX_TO_INDEX_NAME);
        if (!arrays && !nameIs(start, length, INDEX_NAME)) {
            return;
        }
        int p = start + 2 + (window.getByte(start + 1) & 0xFF);
        while (p < end && window.getByte(p) == WIRE_PADDING) {
            p++;
        }
        if (p + 5 <= end && window.getByte(p) == WIRE_PADDING32) {
            p += 5 + window.getInt(p + 1, ORDER);
        }
        if (p < start || p + 17 > end || window.getByte(p) != WIRE_I64_ARRAY) {
            return;
        }
        final long capacity = window.getLong(p + 1, ORDER);
        final long used = window.getLong(p + 9, ORDER);
        if (used < 0 || used > capacity || used > (end - p - 17) / 8) {
            return;
        }
        final int count = (int)used;
        final int first = p + 17;
        if (arrays) {
            arrayPositions = copyEntries(arrayPositions, first, count);
            arrayCount = count;
            return;
        }
        for (int slot = 0; slot < arrayCount && indexCount > 0; slot++) {
            if (arrayPositions[slot] == at) {
                entries = copyEntries(entries, first, count);
                entryCount = count;
                indexRead = true;
                entriesFirstSequence = (long)slot * indexCount * indexSpacing;
                return;
            }
        }
    }

    private long[] copyEntries(final long[] into, final int first, final int count) {
        final long[] array = into.length >= count ? into : new long[count];
        for (int i = 0; i < count; i++) {
            array[i] = window.getLong(first + 8 * i, ORDER);
        }
        return array;
    }

    private boolean nameIs(final int start, final int length, final byte[] name) {
        if (length < 2 + name.length || window.getByte(start) != BINARY_WIRE_FIELD
            || (window.getByte(start + 1) & 0xFF) != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (window.getByte(start + 2 + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The message whose header word is at {@code at}: where Chronicle's index lists it, take its number from there
     * when damage had hidden it, or check the count against it. An index that disagrees is not used again.
     */
    private void recoverSequence(final long at) {
        if (entryCount == 0) {
            return;
        }
        if (sequence != NONE) {
            // Only a message numbered at the spacing can be listed; look at the one entry that must list it.
            if ((sequence & (indexSpacing - 1)) != 0 || sequence < entriesFirstSequence) {
                return;
            }
            final long entry = (sequence - entriesFirstSequence) / indexSpacing;
            if (entry < entryCount && entries[(int)entry] != at) {
                distrustIndex();
            }
            return;
        }
        final int entry = Arrays.binarySearch(entries, 0, entryCount, at);
        if (entry >= 0) {
            sequence = entriesFirstSequence + (long)entry * indexSpacing;
            sequenceFromIndex = true;
        }
    }

    private void distrustIndex() {
        if (sequenceFromIndex) {
            sequence = NONE;
        }
        entryCount = 0;
        arrayCount = 0;
    }

    private int damage(final JournalDamage.Problem problem, final long at, final long length, final long index,
        final String detail) {
        damageProblem = problem;
        damageOffset = at;
        damageLength = length;
        // Before the file's first sound document, or Chronicle's index of it, the damage is in Chronicle's store
        // header or index: no message to name.
        damageIndex = soundInFile || indexRead ? index : NONE;
        damageDetail = detail;
        return DAMAGE;
    }

    /** The index of the message at {@link #position}, if it is one; {@link #NONE} once damage hid the numbering. */
    private long currentIndex() {
        return sequence == NONE ? NONE : files.index(fileIndex, sequence);
    }

    /**
     * The CRC32C of {@code [start, start + length)} of the window, computed over a heap copy: the copy is an
     * {@code Unsafe} one, whose fault on a page the file system cannot provide (a full tmpfs, a file cut while mapped)
     * the JVM turns into an {@link InternalError}, while the same fault inside the checksum's intrinsic on mapped
     * memory would kill the JVM. The error, thrown here or a little later in this thread, becomes one that names the
     * file and offset ({@link #advance()}).
     */
    private int checksum(final int start, final int length) {
        if (copy.length < length) {
            copy = new byte[Math.max(length, copy.length * 2)];
        }
        try {
            window.getBytes(start, copy, 0, length);
        } catch (final InternalError e) {
            throw unreadable(start, e);
        }
        crc.reset();
        crc.update(copy, 0, length);
        return (int)crc.getValue();
    }

    private UncheckedIOException unreadable(final int start, final InternalError e) {
        return new UncheckedIOException(new java.io.IOException("cannot read journal file " + files.file(fileIndex)
            + " at byte offset " + (mappingStart + start) + ": the file system could not provide its pages (" + e.getMessage()
            + "); a journal on a full tmpfs cannot be read in place: copy it elsewhere (cp -r) and read the copy"));
    }

    private int header(final long at) {
        map(at, HEADER_WORD);
        return window.getIntVolatile(offsetInWindow(at));
    }

    private boolean openNextFile() {
        int next = fileIndex == NONE ? 0 : fileIndex + 1;
        if (next >= files.count()) {
            if (fileIndex == NONE || !fileDone) {
                return false;
            }
            // The writer may have rolled on to a file that did not exist when the directory was listed.
            final Path current = files.file(fileIndex);
            final QueueFiles relisted = QueueFiles.list(files.directory());
            if (relisted.count() <= files.count() || !relisted.file(fileIndex).equals(current)) {
                return false;
            }
            files = relisted;
            next = fileIndex + 1;
        }
        openFile(next);
        return true;
    }

    private void openFile(final int i) {
        closeFile();
        final Path file = files.file(i);
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            fileSize = channel.size();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read journal file " + file, e);
        }
        fileIndex = i;
        position = 0;
        sequence = 0;
        fileDone = false;
        endCheckedAt = NONE;
        arrayCount = 0;
        entryCount = 0;
        sequenceFromIndex = false;
        soundInFile = false;
        indexRead = false;
        indexSpacing = files.rollCycle().chronicleCycle().defaultIndexSpacing();
        indexCount = files.rollCycle().chronicleCycle().defaultIndexCount();
        if (Integer.bitCount(indexSpacing) != 1) {
            // Not a spacing this cursor can use: never take a number from the index.
            indexCount = 0;
        }
    }

    private void closeFile() {
        unmap();
        if (channel != null) {
            try {
                channel.close();
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot close journal file " + files.file(fileIndex), e);
            }
            channel = null;
        }
    }

    private void refreshSize() {
        try {
            fileSize = channel.size();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read journal file " + files.file(fileIndex), e);
        }
    }

    /** Maps a window of the current file holding {@code [at, at + length)}, unless the current one does. */
    private void map(final long at, final int length) {
        if (mapping != null && at >= mappingStart && at + length <= mappingStart + mappingLength) {
            return;
        }
        unmap();
        final long start = at & PAGE_MASK;
        final long size = Math.min(Math.max((long)WINDOW_BYTES, at - start + length), fileSize - start);
        try {
            mapping = channel.map(FileChannel.MapMode.READ_ONLY, start, size);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot map journal file " + files.file(fileIndex), e);
        }
        mappingStart = start;
        mappingLength = (int)size;
        window.wrap(mapping);
    }

    private void unmap() {
        if (mapping != null) {
            window.wrap(0, 0);
            message.wrap(0, 0);
            IoUtil.unmap(mapping);
            mapping = null;
        }
    }

    private int offsetInWindow(final long at) {
        return (int)(at - mappingStart);
    }

    private static long align(final long offset) {
        return (offset + 3) & ~3L;
    }

    private static int maxMessageLength(final byte type) {
        switch (type) {
            case JournalFormat.TYPE_INBOUND_EVENT:
                return InboundEventCodec.MAX_MESSAGE_LENGTH + JournalFormat.TRAILER_LENGTH;
            case JournalFormat.TYPE_ORDER_COMMAND:
                return OrderCommandCodec.LENGTH + JournalFormat.TRAILER_LENGTH;
            default:
                return LENGTH_MASK;
        }
    }
}
