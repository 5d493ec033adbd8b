package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a real session journal (the demo, config/demo.yaml, run once against the in-process simulated
 * Binance): bytes overwritten in the data region, the file cut inside the data, the queue header overwritten, and a
 * killed writer's unfinished last message. Each is read by {@code journal stats}, {@code journal dump},
 * {@code journal verify} and {@code replay --verify}: damage is reported with its index and byte offset and exit 1,
 * never decoded as data; the unfinished message is reported as such, exit 0.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DamagedJournalTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");
    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;

    @TempDir
    static Path shared;

    private static Path config;
    private static Path session;

    @TempDir
    Path dir;

    @BeforeAll
    static void recordASession() throws Exception {
        config = shared.resolve("demo.yaml");
        Files.writeString(config, Files.readString(DEMO)
            .replace("dir: run/journal", "dir: " + shared.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + shared.resolve("telemetry")));
        final String[] run = cli("run", "--config", config.toString(), "--duration", "6s");
        assertEquals("0", run[0], run[2]);
        try (Stream<Path> sessions = Files.list(shared.resolve("journal"))) {
            session = sessions.findFirst().orElseThrow();
        }
    }

    @Test
    void shouldVerifyTheIntactSessionAndReplayIt() throws Exception {
        final Path copy = copy();

        final String[] verify = cli("journal", "verify", "--journal", copy.toString());
        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");

        assertEquals("0", verify[0], verify[1] + verify[2]);
        assertTrue(verify[1].contains("verify: inbound OK, outbound OK"), verify[1]);
        assertTrue(verify[1].contains("damage           none"), verify[1]);
        assertTrue(verify[1].contains("tail             clean"), verify[1]);
        assertTrue(Pattern.compile("checksums +\\d+ verified\\n").matcher(verify[1]).find(), verify[1]);
        assertEquals("0", replay[0], replay[1] + replay[2]);
    }

    // ---- bytes overwritten in the data region

    @Test
    void shouldMakeStatsNameTheMessageThatRandomBytesOverwrote() throws Exception {
        final Path copy = copy();
        final long damaged = overwriteRandomBytesInTheMiddle(copy);

        final String[] stats = cli("journal", "stats", "--journal", copy.toString(), "--config", config.toString());

        assertEquals("1", stats[0], stats[1] + stats[2]);
        assertTrue(stats[1].contains("byte offset " + damaged + ", "), stats[1]);
        assertTrue(Pattern.compile("the first: message at index 0x[0-9a-f]+ \\(").matcher(stats[1]).find(), stats[1]);
        assertTrue(stats[2].contains("is damaged"), stats[2]);
    }

    @Test
    void shouldMakeDumpSkipAndNameTheMessageThatRandomBytesOverwrote() throws Exception {
        final Path copy = copy();
        final long damaged = overwriteRandomBytesInTheMiddle(copy);
        final long intact = countDumpLines(cli("journal", "dump", "--journal", session.toString())[1]);

        final String[] dump = cli("journal", "dump", "--journal", copy.toString(), "--config", config.toString());

        assertEquals("1", dump[0], dump[2]);
        assertTrue(Pattern.compile("journal dump: skipped, not decoded: message at index 0x[0-9a-f]+ \\(\\d+F?\\.cq4 byte offset "
            + damaged + ", ").matcher(dump[2]).find(), dump[2]);
        assertTrue(countDumpLines(dump[1]) < intact, "the damaged message is not dumped");
    }

    @Test
    void shouldMakeVerifyListTheMessageThatRandomBytesOverwrote() throws Exception {
        final Path copy = copy();
        final long damaged = overwriteRandomBytesInTheMiddle(copy);

        final String[] verify = cli("journal", "verify", "--journal", copy.toString());

        assertEquals("1", verify[0], verify[1] + verify[2]);
        assertTrue(verify[1].contains("byte offset " + damaged + ", "), verify[1]);
        assertTrue(verify[1].contains("verify: inbound DAMAGED ("), verify[1]);
        assertTrue(verify[1].contains("outbound OK"), verify[1]);
    }

    @Test
    void shouldMakeReplayRefuseTheJournalThatRandomBytesDamaged() throws Exception {
        final Path copy = copy();
        final long damaged = overwriteRandomBytesInTheMiddle(copy);

        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");

        assertEquals("1", replay[0], replay[1] + replay[2]);
        assertTrue(Pattern.compile("message at index 0x[0-9a-f]+ \\(\\d+F?\\.cq4 byte offset " + damaged + ", ")
            .matcher(replay[2]).find(), replay[2]);
        assertTrue(replay[2].contains("refused: the journal is damaged"), replay[2]);
        assertFalse(replay[1].contains("digest:"), replay[1]);
    }

    @Test
    void shouldMakeReplayWithSkipDamagedReplayPastAndListWhatItSkipped() throws Exception {
        final Path copy = copy();
        final long damaged = overwriteRandomBytesInTheMiddle(copy);

        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--skip-damaged");

        assertEquals("0", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("skipped damaged: "), replay[1]);
        assertTrue(replay[1].contains("byte offset " + damaged + ", "), replay[1]);
        assertTrue(replay[1].contains("digest: sha256:"), replay[1]);
    }

    @Test
    void shouldMakeDumpNameAtMostAHundredDamagedPartsOnStderr() throws Exception {
        final Path copy = copy();
        final Path file = cycleFile(copy);
        final List<Long> documents = dataDocuments(file);
        for (int i = 0; i < 150; i++) {
            final long at = documents.get(documents.size() / 4 + 2 * i);
            overwrite(file, at + 40, new byte[] {(byte)(read(file, at + 40, 1)[0] ^ 0x5a)});
        }

        final String[] dump = cli("journal", "dump", "--journal", copy.toString(), "--config", config.toString());

        assertEquals("1", dump[0], dump[2]);
        assertEquals(JournalDump.MAX_DAMAGE_LINES, dump[2].lines().filter(line -> line.contains("skipped, not decoded")).count());
        assertTrue(dump[2].contains("further damaged parts are skipped without a line each"), dump[2]);
        assertTrue(dump[2].contains("is damaged: 150 damaged or unreadable part(s) skipped"), dump[2]);
    }

    // ---- the file cut inside the data region

    @Test
    void shouldMakeStatsReportATruncationInsideTheDataAsDamageNotACleanTail() throws Exception {
        final Path copy = copy();
        final long cut = truncateInsideTheMiddleMessage(copy);

        final String[] stats = cli("journal", "stats", "--journal", copy.toString(), "--stream", "inbound");

        assertEquals("1", stats[0], stats[1] + stats[2]);
        assertFalse(stats[1].contains("tail             clean"), stats[1]);
        assertTrue(stats[1].contains("tail             DAMAGED"), stats[1]);
        assertTrue(stats[1].contains("byte offset " + cut + ", "), stats[1]);
        assertTrue(stats[1].contains("truncated: its header declares "), stats[1]);
    }

    @Test
    void shouldMakeDumpStopBeforeATruncatedMessageInsteadOfDecodingZeros() throws Exception {
        final Path copy = copy();
        final long cut = truncateInsideTheMiddleMessage(copy);

        final String[] dump = cli("journal", "dump", "--journal", copy.toString(), "--config", config.toString());

        assertEquals("1", dump[0], dump[2]);
        assertFalse(dump[1].contains("exchangeTime=1970-01-01"), "no message of zeros");
        assertTrue(dump[2].contains("byte offset " + cut + ", "), dump[2]);
    }

    @Test
    void shouldMakeVerifySayWhereTheReadableDataOfATruncatedFileEnds() throws Exception {
        final Path copy = copy();
        final long cut = truncateInsideTheMiddleMessage(copy);
        final long before = dataDocuments(cycleFile(copy)).stream().filter(offset -> offset < cut).max(Long::compare).orElseThrow();

        final String[] verify = cli("journal", "verify", "--journal", copy.toString());

        assertEquals("1", verify[0], verify[1] + verify[2]);
        final Matcher end = Pattern.compile("readable end +\\S+ byte offset (\\d+)").matcher(verify[1]);
        assertTrue(end.find(), verify[1]);
        assertTrue(Long.parseLong(end.group(1)) > before && Long.parseLong(end.group(1)) <= cut, verify[1]);
        assertTrue(verify[1].contains("byte offset " + cut + ", "), verify[1]);
    }

    @Test
    void shouldMakeReplayRefuseATruncatedJournal() throws Exception {
        final Path copy = copy();
        final long cut = truncateInsideTheMiddleMessage(copy);

        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");

        assertEquals("1", replay[0], replay[1] + replay[2]);
        assertTrue(replay[2].contains("byte offset " + cut + ", "), replay[2]);
        assertTrue(replay[2].contains("truncated"), replay[2]);
    }

    // ---- the queue header overwritten

    @Test
    void shouldMakeStatsReportADamagedQueueHeaderInsteadOfAnEmptyJournal() throws Exception {
        final Path copy = copy();
        final long messages = dataDocuments(cycleFile(copy)).size();
        overwriteTheQueueHeader(copy);

        final String[] stats = cli("journal", "stats", "--journal", copy.toString(), "--stream", "inbound");

        assertEquals("1", stats[0], stats[1] + stats[2]);
        assertTrue(stats[1].contains("messages         " + messages + "\n"), stats[1]);
        assertTrue(stats[1].contains("unreadable bytes at "), stats[1]);
        assertTrue(stats[1].contains(" byte offset 0: "), stats[1]);
    }

    @Test
    void shouldMakeDumpReportADamagedQueueHeader() throws Exception {
        final Path copy = copy();
        overwriteTheQueueHeader(copy);

        final String[] dump = cli("journal", "dump", "--journal", copy.toString());

        assertEquals("1", dump[0], dump[2]);
        assertTrue(dump[2].contains(" byte offset 0: "), dump[2]);
    }

    @Test
    void shouldMakeVerifyReportADamagedQueueHeader() throws Exception {
        final Path copy = copy();
        overwriteTheQueueHeader(copy);

        final String[] verify = cli("journal", "verify", "--journal", copy.toString());

        assertEquals("1", verify[0], verify[1] + verify[2]);
        assertTrue(verify[1].contains(" byte offset 0: "), verify[1]);
        assertTrue(verify[1].contains("verify: inbound DAMAGED (1 damaged part)"), verify[1]);
    }

    @Test
    void shouldMakeReplayRefuseAJournalWithADamagedQueueHeader() throws Exception {
        final Path copy = copy();
        overwriteTheQueueHeader(copy);

        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");

        assertEquals("1", replay[0], replay[1] + replay[2]);
        assertTrue(replay[2].contains(" byte offset 0: "), replay[2]);
    }

    // ---- a killed writer's unfinished last message: not damage

    @Test
    void shouldMakeStatsReportAnUnfinishedLastMessageAsAnIncompleteTailNotDamage() throws Exception {
        final Path copy = copy();
        leaveAnUnfinishedMessage(copy);

        final String[] stats = cli("journal", "stats", "--journal", copy.toString(), "--stream", "inbound");

        assertEquals("0", stats[0], stats[1] + stats[2]);
        assertTrue(stats[1].contains("tail             INCOMPLETE"), stats[1]);
        assertTrue(stats[1].contains("damage           none"), stats[1]);
    }

    @Test
    void shouldMakeDumpPrintTheIncompleteTailNoteOnStderr() throws Exception {
        final Path copy = copy();
        leaveAnUnfinishedMessage(copy);

        final String[] dump = cli("journal", "dump", "--journal", copy.toString(), "--config", config.toString());

        assertEquals("0", dump[0], dump[2]);
        assertTrue(dump[2].contains("ends with an incomplete message (its writer was killed while appending it, or is"
            + " appending it now); all " + countDumpLines(dump[1]) + " complete messages were read"), dump[2]);
    }

    @Test
    void shouldMakeVerifyAcceptAnUnfinishedLastMessage() throws Exception {
        final Path copy = copy();
        leaveAnUnfinishedMessage(copy);

        final String[] verify = cli("journal", "verify", "--journal", copy.toString());

        assertEquals("0", verify[0], verify[1] + verify[2]);
        assertTrue(verify[1].contains("tail             INCOMPLETE"), verify[1]);
        assertTrue(verify[1].contains("verify: inbound OK"), verify[1]);
    }

    @Test
    void shouldMakeReplayVerifyASessionWhoseLastMessageIsUnfinished() throws Exception {
        final Path copy = copy();
        leaveAnUnfinishedMessage(copy);

        final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");

        assertEquals("0", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("verify: OK"), replay[1]);
        assertTrue(replay[1].contains("ends with an incomplete message"), replay[1]);
    }

    // ---- damage

    /** Overwrites 64 random bytes from the middle of the middle message; returns that message's byte offset. */
    private static long overwriteRandomBytesInTheMiddle(final Path journal) {
        final Path file = cycleFile(journal);
        final List<Long> documents = dataDocuments(file);
        final long middle = documents.get(documents.size() / 2);
        final byte[] noise = new byte[64];
        new Random(20261208).nextBytes(noise);
        overwrite(file, middle + 20, noise);
        return middle;
    }

    /** Cuts the inbound file 10 bytes into the middle message; returns that message's byte offset. */
    private static long truncateInsideTheMiddleMessage(final Path journal) {
        final Path file = cycleFile(journal);
        final List<Long> documents = dataDocuments(file);
        final long middle = documents.get(documents.size() / 2);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(middle + 10);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return middle;
    }

    private static void overwriteTheQueueHeader(final Path journal) {
        final byte[] noise = new byte[64];
        new Random(1).nextBytes(noise);
        overwrite(cycleFile(journal), 0, noise);
    }

    /**
     * What a writer killed while appending leaves: the message's bytes after the last one, its header word still 0
     * (Chronicle writes a message's header word last).
     */
    private static void leaveAnUnfinishedMessage(final Path journal) {
        final Path file = cycleFile(journal);
        final List<Long> documents = dataDocuments(file);
        final long last = documents.get(documents.size() - 1);
        final long end = (last + 4 + (header(file, last) & LENGTH_MASK) + 3) & ~3L;
        final byte[] partial = read(file, documents.get(0) + 4, 40);
        overwrite(file, end + 4, partial);
    }

    // ---- the queue's files, walked independently of the reader under test (a test oracle)

    /** The inbound cycle file holding the most messages. */
    private static Path cycleFile(final Path journal) {
        try (Stream<Path> files = Files.list(journal.resolve("inbound"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4"))
                .max(Comparator.comparingInt(f -> dataDocuments(f).size())).orElseThrow();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte offsets of the data documents (messages) of an intact cycle file. */
    private static List<Long> dataDocuments(final Path file) {
        final List<Long> offsets = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            int at = 0;
            while (at + 4 <= bytes.capacity()) {
                final int header = bytes.getInt(at);
                if (header == 0 || (header & NOT_COMPLETE) != 0) {
                    break;
                }
                if ((header & META_DATA) == 0) {
                    offsets.add((long)at);
                }
                at = (at + 4 + (header & LENGTH_MASK) + 3) & ~3;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return offsets;
    }

    private static int header(final Path file, final long at) {
        return ByteBuffer.wrap(read(file, at, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] read(final Path file, final long at, final int length) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            final byte[] bytes = new byte[length];
            in.seek(at);
            in.readFully(bytes);
            return bytes;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void overwrite(final Path file, final long at, final byte[] bytes) {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.seek(at);
            out.write(bytes);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countDumpLines(final String out) {
        return out.lines().filter(line -> line.startsWith("index=")).count();
    }

    /** A fresh copy of the recorded session. */
    private Path copy() throws IOException {
        final Path copy = dir.resolve("session");
        try (Stream<Path> paths = Files.walk(session)) {
            for (final Path path : (Iterable<Path>)paths::iterator) {
                final Path target = copy.resolve(session.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return copy;
    }
}
