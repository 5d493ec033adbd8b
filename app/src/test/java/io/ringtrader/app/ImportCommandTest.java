package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringtrader import capture} on the real captures of the shared data folder. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldImportTheHftbacktestCaptureAndPrintItsCounts() {
        final Path capture = capture("binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt");
        final String[] result = cli("import", "capture", "--venue", "binance-usdm", "--format", "hftbacktest",
            "--input", capture.toString(), "--journal", dir.resolve("journal").toString(),
            "--config", Path.of("..", "config", "capture-btcusdt.yaml").toString());

        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("applied diffs 165, stale diffs 4, resyncs 0"), result[1]);
        assertTrue(result[1].contains("top-of-book checks 6 ok / 0 bad"), result[1]);
        assertTrue(Files.isDirectory(dir.resolve("journal").resolve("inbound")));
    }

    @Test
    void shouldReplayTheImportedJournal() {
        final Path capture = capture("binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt");
        final String config = Path.of("..", "config", "capture-btcusdt.yaml").toString();
        final String journal = dir.resolve("journal").toString();
        final String[] imported = cli("import", "capture", "--venue", "binance-usdm", "--format", "hftbacktest",
            "--input", capture.toString(), "--journal", journal, "--config", config);
        final Matcher events = Pattern.compile("events (\\d+),").matcher(imported[1]);
        assertTrue(events.find(), imported[1]);

        final String[] replayed = cli("replay", "--journal", journal, "--config", config);

        assertEquals("0", replayed[0], replayed[2]);
        assertTrue(replayed[1].contains("events: " + events.group(1) + " read, " + events.group(1) + " replayed"), replayed[1]);
        assertTrue(replayed[1].contains("bbo=1483 trade=347"), replayed[1]);
    }

    @Test
    void shouldReplayFromTheRawFramesWithTheSameDigestAsFromTheInboundJournal() {
        final String config = Path.of("..", "config", "capture-btcusdt.yaml").toString();
        final String journal = importBtcusdt("--raw");

        final String[] fromInbound = cli("replay", "--journal", journal, "--config", config);
        final String[] fromRaw = cli("replay", "--journal", journal, "--config", config, "--from-raw");

        assertEquals("0", fromRaw[0], fromRaw[2]);
        assertTrue(fromRaw[1].contains("raw frames decoded again: 1999 frames, 1 snapshots"), fromRaw[1]);
        assertTrue(fromRaw[1].contains("bbo=1483 trade=347"), fromRaw[1]);
        assertEquals(digest(fromInbound[1]), digest(fromRaw[1]));
    }

    @Test
    void shouldReimportTheRawFramesOfAJournal() {
        final String config = Path.of("..", "config", "capture-btcusdt.yaml").toString();
        final String journal = importBtcusdt("--raw");

        final String[] again = cli("import", "capture", "--venue", "binance-usdm", "--format", "journal-raw",
            "--input", journal, "--journal", dir.resolve("again").toString(), "--config", config);

        assertEquals("0", again[0], again[2]);
        assertTrue(again[1].contains("applied diffs 165, stale diffs 4, resyncs 0"), again[1]);
    }

    @Test
    void shouldRefuseToReimportAJournalWithoutRawFrames() {
        final String config = Path.of("..", "config", "capture-btcusdt.yaml").toString();
        final String journal = importBtcusdt();

        final String[] again = cli("import", "capture", "--venue", "binance-usdm", "--format", "journal-raw",
            "--input", journal, "--journal", dir.resolve("again").toString(), "--config", config);

        assertEquals("2", again[0]);
        assertTrue(again[2].contains("holds no raw/ journal"), again[2]);
    }

    /** Imports the hftbacktest BTCUSDT capture into dir/journal with {@code extra} options; returns the journal. */
    private String importBtcusdt(final String... extra) {
        final Path capture = capture("binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt");
        final String journal = dir.resolve("journal").toString();
        final String[] args = {"import", "capture", "--venue", "binance-usdm", "--format", "hftbacktest",
            "--input", capture.toString(), "--journal", journal,
            "--config", Path.of("..", "config", "capture-btcusdt.yaml").toString()};
        final String[] result = cli(Stream.concat(Arrays.stream(args), Arrays.stream(extra))
            .toArray(String[]::new));
        assertEquals("0", result[0], result[2]);
        return journal;
    }

    private static String digest(final String out) {
        final Matcher digest = Pattern.compile("digest: sha256:[0-9a-f]{64}").matcher(out);
        assertTrue(digest.find(), out);
        return digest.group();
    }

    @Test
    void shouldShowInTheDumpThatTheBookMatchesEveryBookTickerOfTheSameUpdate() {
        final Path capture = capture("binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt");
        final String config = Path.of("..", "config", "capture-btcusdt.yaml").toString();
        final String journal = dir.resolve("journal").toString();
        assertEquals("0", cli("import", "capture", "--venue", "binance-usdm", "--format", "hftbacktest",
            "--input", capture.toString(), "--journal", journal, "--config", config)[0]);

        final String[] dump = cli("journal", "dump", "--journal", journal, "--config", config, "--with-book", "--kinds", "bbo");

        assertEquals("0", dump[0], dump[2]);
        assertEquals(6, count(dump[1], "bbo=match"), "bookTickers whose u is the last applied diff's u");
        assertEquals(0, count(dump[1], "bbo=MISMATCH"));
        assertEquals(1_483, count(dump[1], " BBO "));
    }

    private static int count(final String text, final String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void shouldImportTheCryptofeedCaptureAndPrintPerSymbolCounts() {
        final Path capture = capture("binance_usdm_cryptofeed_2021-07-22.jsonl");
        final String[] result = cli("import", "capture", "--venue", "binance-usdm", "--format", "cryptofeed",
            "--input", capture.toString(), "--journal", dir.resolve("journal").toString(),
            "--config", Path.of("..", "config", "capture-cryptofeed-2021.yaml").toString());

        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("SUSHIUSDT    applied 252, stale 3"), result[1]);
        assertTrue(result[1].contains("AKROUSDT     applied 188, stale 1"), result[1]);
        assertTrue(result[1].contains("KEEPUSDT     applied 132, stale 3"), result[1]);
        assertTrue(result[1].contains("CTKUSDT      applied 180, stale 5"), result[1]);
    }

    @Test
    void shouldRejectAnUnknownFormatAsAUsageError() throws Exception {
        final Path input = Files.writeString(dir.resolve("capture.txt"), "");
        final String[] result = cli("import", "capture", "--venue", "binance-usdm", "--format", "tardis",
            "--input", input.toString(), "--journal", dir.resolve("journal").toString(),
            "--config", Path.of("..", "config", "capture-btcusdt.yaml").toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("unknown capture format 'tardis'"), result[2]);
    }

    @Test
    void shouldNameTheInstalledGatewaysImportersForAnUnknownVenue() throws Exception {
        final Path input = Files.writeString(dir.resolve("capture.txt"), "");
        final String[] result = cli("import", "capture", "--venue", "kraken", "--format", "hftbacktest",
            "--input", input.toString(), "--journal", dir.resolve("journal").toString(),
            "--config", Path.of("..", "config", "capture-btcusdt.yaml").toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("--venue: unknown venue 'kraken', expected binance-usdm"), result[2]);
    }

    @Test
    void shouldRefuseToImportIntoAnExistingJournal() throws Exception {
        final Path input = Files.writeString(dir.resolve("capture.txt"), "");
        Files.createDirectories(dir.resolve("journal").resolve("inbound"));
        final String[] result = cli("import", "capture", "--venue", "binance-usdm", "--format", "hftbacktest",
            "--input", input.toString(), "--journal", dir.resolve("journal").toString(),
            "--config", Path.of("..", "config", "capture-btcusdt.yaml").toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("already holds a journal"), result[2]);
    }

    @Test
    void shouldNameTheImportedInstrumentsInTheDumpWithoutConfig() {
        final String journal = importBtcusdt();

        final String[] dump = cli("journal", "dump", "--journal", journal, "--kinds", "trade");

        assertEquals("0", dump[0], dump[2]);
        assertEquals(347, count(dump[1], " TRADE BTCUSDT venue=binance "), "symbols from the journal's instrument table");
        assertEquals("", dump[2]);
    }

    @Test
    void shouldRefuseARawReplayWithAConfigThatDeclaresTheCapturesInstrumentDifferently() throws Exception {
        final String journal = importBtcusdt("--raw");
        final Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(Path.of("..", "config", "capture-btcusdt.yaml"))
            .replace("lotSize: \"0.001\"", "lotSize: \"0.01\""));

        final String[] fromRaw = cli("replay", "--journal", journal, "--config", other.toString(), "--from-raw");

        assertEquals("2", fromRaw[0], fromRaw[1]);
        assertTrue(fromRaw[2].contains("binance:BTCUSDT: lotSize 0.001 in the journal, 0.01 in the config"), fromRaw[2]);
    }

    private static Path capture(final String name) {
        final String folder = System.getProperty("ringtrader.shared.data");
        assumeTrue(folder != null, "system property ringtrader.shared.data not set: skipping the capture test");
        final Path file = Path.of(folder).resolve(name);
        assumeTrue(Files.isRegularFile(file), "capture " + file + " not found: the shared data folder is absent");
        return file;
    }
}
