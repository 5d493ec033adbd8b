package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.recorder.InboundEventCodec;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountMessagesPerKindAndInstrument() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "stats", "--journal", journal.toString(), "--config", config());

        assertEquals(0, result.exitCode, result.err);
        assertRow(result.out, "messages", "11");
        assertRow(result.out, "sequence", "0 .. 10");
        assertRow(result.out, "tail", "clean");
        assertRow(result.out, "TIMER", "1");
        assertRow(result.out, "BOOK_SNAPSHOT", "2");
        assertRow(result.out, "BOOK_DELTA", "2");
        assertRow(result.out, "BBO", "2");
        assertRow(result.out, "TRADE", "2");
        assertRow(result.out, "EXECUTION_REPORT", "1");
        assertRow(result.out, "DISCARDED", "1");
        assertRow(result.out, "BTCUSDT (#0)", "8");
        assertRow(result.out, "ETHUSDT (#1)", "1");
        assertRow(result.out, "- (none)", "2");
        assertRow(result.out, "discarded slots", "1");
        assertTrue(result.out.contains("version " + JournalFormat.SCHEMA_VERSION + ", writer ringtrader-recorder, 1 session"),
            result.out);
        assertTrue(result.out.contains("receive time     2023-11-14T22:13:20.001000000Z .. 2023-11-14T22:13:22.508000000Z"),
            result.out);
        assertTrue(result.out.contains("outbound journal: none (no journal at "), result.out);
    }

    @Test
    void shouldDumpSymbolsAndDecimalsOfAJournalWithAnInstrumentTableWithoutConfig() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInboundWithTable(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--kinds", "book_snapshot,trade");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = result.out.lines().toList();
        assertTrue(lines.get(0).endsWith("BOOK_SNAPSHOT BTCUSDT venue=binance exchangeTime=2023-11-14T22:13:19.997000000Z"
            + " receiveTime=2023-11-14T22:13:20.002000000Z u=1000 batch=0/more"
            + " bids=[61800.20x1.500, 61800.10x2.000] asks=[61800.30x0.200]"), lines.get(0));
        assertTrue(lines.get(3).contains(" TRADE ETHUSDT "), lines.get(3));
        assertEquals("", result.err);
    }

    @Test
    void shouldFilterAndRunTheBookOnTheJournalsInstrumentsWithoutConfig() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInboundWithTable(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--instrument", "binance:ETHUSDT",
            "--with-book");

        assertEquals(0, result.exitCode, result.err);
        assertEquals(1, result.out.lines().count(), result.out);
        assertTrue(result.out.contains(" seq=7 TRADE ETHUSDT "), result.out);
    }

    @Test
    void shouldShowTheJournalsSessionAndInstrumentsInStats() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInboundWithTable(journal);

        final Result result = run("journal", "stats", "--journal", journal.toString());

        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.out.startsWith("instruments: from the journal's instrument table"), result.out);
        assertRow(result.out, "session", "tag lq2x3k9a0b7, engine ringtrader test, config sha256:" + "0f".repeat(32));
        assertRow(result.out, "instruments", "2 in the journal's table: binance:BTCUSDT, binance:ETHUSDT");
        assertRow(result.out, "BTCUSDT (#0)", "8");
    }

    /** The journal's table says what its mantissas mean; a config that says otherwise is reported, not believed. */
    @Test
    void shouldUseTheJournalsInstrumentsOverAConfigThatDeclaresThemDifferentlyAndSaySo() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInboundWithTable(journal);
        final Path other = dir.resolve("other.yaml");
        java.nio.file.Files.writeString(other, TestJournal.CONFIG.replace("tickSize: \"0.10\"",
            "tickSize: \"0.10\"\n    priceScale: 4"));

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", other.toString(),
            "--kinds", "book_snapshot");

        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.err.contains("journal: " + other + " declares the instruments differently from the journal's"
            + " instrument table, which is used: binance:BTCUSDT: priceScale 2 in the journal, 4 in the config"), result.err);
        assertTrue(result.out.lines().findFirst().orElseThrow().endsWith(" bids=[61800.20x1.500, 61800.10x2.000]"
            + " asks=[61800.30x0.200]"), result.out);
    }

    @Test
    void shouldReportReceiveTimeGapsOverTheThreshold() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result oneSecond = run("journal", "stats", "--journal", journal.toString(), "--config", config());
        assertEquals(0, oneSecond.exitCode, oneSecond.err);
        assertRow(oneSecond.out, "receive gaps", "1 over 1s");
        assertTrue(oneSecond.out.contains("2.500s before index 0x"), oneSecond.out);
        assertTrue(oneSecond.out.contains("(2023-11-14T22:13:20.005000000Z .. 2023-11-14T22:13:22.505000000Z)"),
            "the discarded slot between them has no receive time: " + oneSecond.out);

        final Result threeSeconds = run("journal", "stats", "--journal", journal.toString(), "--gap", "3s");
        assertEquals(0, threeSeconds.exitCode, threeSeconds.err);
        assertRow(threeSeconds.out, "receive gaps", "0 over 3s");
    }

    @Test
    void shouldCountOutboundCommandsPerDecisionAndAction() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeOutbound(journal);

        final Result result = run("journal", "stats", "--journal", journal.toString(), "--config", config(),
            "--stream", "outbound");

        assertEquals(0, result.exitCode, result.err);
        assertRow(result.out, "messages", "3");
        assertRow(result.out, "ACCEPTED", "2");
        assertRow(result.out, "BOOK_NOT_VALID", "1");
        assertRow(result.out, "NEW", "2");
        assertRow(result.out, "CANCEL", "1");
        assertRow(result.out, "BTCUSDT (#0)", "2");
        assertFalse(result.out.contains("inbound"), result.out);
    }

    @Test
    void shouldDumpEveryEventAsTextWithDecimalsAndIsoTimes() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config());

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = result.out.lines().toList();
        assertEquals(TestJournal.KINDS.length, lines.size(), result.out);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).contains(" seq=" + i + " " + TestJournal.KINDS[i] + " "), lines.get(i));
        }
        assertTrue(lines.get(0).endsWith("seq=0 TIMER - receiveTime=2023-11-14T22:13:20.001000000Z"
            + " timerId=7 scheduledTime=2023-11-14T22:13:20.000500000Z"), lines.get(0));
        assertTrue(lines.get(1).endsWith("BOOK_SNAPSHOT BTCUSDT venue=binance exchangeTime=2023-11-14T22:13:19.997000000Z"
            + " receiveTime=2023-11-14T22:13:20.002000000Z u=1000 batch=0/more"
            + " bids=[61800.20x1.500, 61800.10x2.000] asks=[61800.30x0.200]"), lines.get(1));
        assertTrue(lines.get(3).contains(" U=1001 u=1002 pu=1000 bids=[61800.20x0.000] asks=[61800.30x0.500]"), lines.get(3));
        assertTrue(lines.get(4).endsWith(" bid=61800.10x2.000 ask=61800.30x0.500"), lines.get(4));
        assertTrue(lines.get(5).endsWith(" tradeId=77 price=61800.30 qty=0.250 aggressor=BUY"), lines.get(5));
        assertTrue(lines.get(6).endsWith("seq=6 DISCARDED -"), lines.get(6));
        assertTrue(lines.get(7).contains(" TRADE ETHUSDT venue=binance "), lines.get(7));
        assertTrue(lines.get(7).endsWith(" price=3000.01 qty=1.000 aggressor=SELL"), lines.get(7));
        assertTrue(lines.get(8).endsWith(" execType=FILL side=BUY clientOrderId=42 venueOrderId=9001 price=61800.30"
            + " qty=0.250 lastFillPrice=61800.30 lastFillQty=0.250 cumFillQty=0.250 leavesQty=0.000 fee=0.00123456"
            + " maker=false"), lines.get(8));
        assertFalse(result.out.contains("sync="), "no book without --with-book");
        assertEquals("", result.err);
    }

    @Test
    void shouldDumpJsonLinesThatParseBackWithDecimalStrings() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(),
            "--format", "jsonl");

        assertEquals(0, result.exitCode, result.err);
        final ObjectMapper mapper = new ObjectMapper();
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : result.out.lines().toList()) {
            lines.add(mapper.readTree(line));
        }
        assertEquals(TestJournal.KINDS.length, lines.size());
        final JsonNode snapshot = lines.get(1);
        assertEquals("BOOK_SNAPSHOT", snapshot.get("kind").asText());
        assertEquals(1, snapshot.get("seq").asLong());
        assertEquals("BTCUSDT", snapshot.get("symbol").asText());
        assertEquals(0, snapshot.get("instrumentId").asInt());
        assertEquals("binance", snapshot.get("venue").asText());
        assertEquals("2023-11-14T22:13:20.002000000Z", snapshot.get("receiveTime").asText());
        assertFalse(snapshot.get("batchLast").asBoolean());
        assertEquals("61800.20", snapshot.get("bids").get(0).get(0).textValue());
        assertEquals("1.500", snapshot.get("bids").get(0).get(1).textValue());
        assertEquals("0.200", snapshot.get("asks").get(0).get(1).textValue());
        assertFalse(snapshot.has("U"), "unset update ids are left out");

        final JsonNode trade = lines.get(7);
        assertEquals("3000.01", trade.get("price").textValue());
        assertEquals("1.000", trade.get("qty").textValue());
        assertEquals("SELL", trade.get("aggressor").asText());
        assertEquals(78, trade.get("tradeId").asLong());

        assertEquals("0.00123456", lines.get(8).get("fee").textValue());
        assertEquals(7, lines.get(0).get("timerId").asInt());
        assertFalse(lines.get(0).has("instrumentId"));
        assertEquals(lines.get(1).get("index").asLong() + 1, lines.get(2).get("index").asLong());
    }

    @Test
    void shouldFilterByKindsCaseInsensitively() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(),
            "--kinds", "trade,BBO");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = result.out.lines().toList();
        assertEquals(4, lines.size(), result.out);
        assertTrue(lines.get(0).contains(" seq=4 BBO "), lines.get(0));
        assertTrue(lines.get(1).contains(" seq=5 TRADE "), lines.get(1));
        assertTrue(lines.get(2).contains(" seq=7 TRADE "), lines.get(2));
        assertTrue(lines.get(3).contains(" seq=10 BBO "), lines.get(3));
    }

    @Test
    void shouldFilterByInstrumentSymbol() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(),
            "--instrument", "ethusdt");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = result.out.lines().toList();
        assertEquals(1, lines.size(), result.out);
        assertTrue(lines.get(0).contains(" seq=7 TRADE ETHUSDT "), lines.get(0));
    }

    @Test
    void shouldNameInstrumentsByQualifiedNameWhereTwoVenuesShareTheSymbol() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);
        final Path config = dir.resolve("two-venues.yaml");
        Files.writeString(config, String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "  - {symbol: BTCUSDT, venue: bitget, tickSize: \"0.01\", lotSize: \"0.001\"}", ""));

        final Result ambiguous = run("journal", "dump", "--journal", journal.toString(), "--config", config.toString(),
            "--instrument", "BTCUSDT");
        final Result bitget = run("journal", "dump", "--journal", journal.toString(), "--config", config.toString(),
            "--instrument", "bitget:btcusdt");

        assertEquals(2, ambiguous.exitCode);
        assertTrue(ambiguous.err.contains("instrument 'BTCUSDT' is ambiguous: it is configured on 2 venues (write "
            + "binance:BTCUSDT or bitget:BTCUSDT)"), ambiguous.err);
        assertEquals(0, bitget.exitCode, bitget.err);
        final List<String> lines = bitget.out.lines().toList();
        assertEquals(1, lines.size(), bitget.out);
        assertTrue(lines.get(0).contains(" seq=7 TRADE bitget:BTCUSDT "), lines.get(0));
    }

    @Test
    void shouldRejectAnUnknownKindListingTheValidOnes() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--kinds", "trade,quote");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("unknown event kind 'quote'; valid kinds: book_snapshot, book_delta, bbo, trade,"
            + " kline, market_state, execution_report, position, timer, gateway_status, discarded, operator"),
            result.err);
        assertEquals("", result.out);
    }

    @Test
    void shouldRejectAnInstrumentFilterWithoutConfig() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--instrument", "BTCUSDT");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("--instrument needs --config"), result.err);
    }

    @Test
    void shouldRejectTheBookWithoutConfig() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--with-book");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("--with-book needs --config"), result.err);
        assertEquals("", result.out);
    }

    @Test
    void shouldRejectAnInstrumentTheConfigDoesNotName() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(),
            "--instrument", "SOLUSDT");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("no instrument 'SOLUSDT' in the config; configured: binance:BTCUSDT, binance:ETHUSDT"),
            result.err);
    }

    @Test
    void shouldShowTheBookAfterEachUpdateAndWhetherTheBboMatchesIt() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(), "--with-book");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = withoutBookVersions(result.out);
        assertTrue(lines.get(1).endsWith(" batch=0/more bids=[61800.20x1.500, 61800.10x2.000] asks=[61800.30x0.200]"
            + " sync=applied"), "no book view in the middle of a batch: " + lines.get(1));
        assertTrue(lines.get(2).endsWith(" sync=applied book=VALID bestBid=61800.20x1.500 bestAsk=61800.30x0.200"),
            lines.get(2));
        assertTrue(lines.get(3).endsWith(" sync=applied book=VALID bestBid=61800.10x2.000 bestAsk=61800.30x0.500"),
            lines.get(3));
        assertTrue(lines.get(4).endsWith(" bid=61800.10x2.000 ask=61800.30x0.500 book=VALID"
            + " bestBid=61800.10x2.000 bestAsk=61800.30x0.500 bbo=match"), lines.get(4));
        assertFalse(lines.get(5).contains("book="), "trades are not book events: " + lines.get(5));
        assertTrue(lines.get(9).endsWith(" sync=applied book=VALID bestBid=61800.15x0.700 bestAsk=61800.30x0.500"),
            lines.get(9));
        assertTrue(lines.get(10).endsWith(" bestBid=61800.15x0.700 bestAsk=61800.30x0.500 bbo=MISMATCH"), lines.get(10));
    }

    @Test
    void shouldRunTheBookOverEventsTheFiltersLeaveOut() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(), "--with-book",
            "--kinds", "bbo", "--format", "jsonl");

        assertEquals(0, result.exitCode, result.err);
        final ObjectMapper mapper = new ObjectMapper();
        final List<String> lines = result.out.lines().toList();
        assertEquals(2, lines.size(), result.out);
        final JsonNode first = mapper.readTree(lines.get(0));
        assertEquals("match", first.get("bbo").asText());
        assertEquals("VALID", first.get("book").asText());
        assertEquals("61800.10", first.get("bestBid").get(0).textValue());
        assertEquals("2.000", first.get("bestBid").get(1).textValue());
        assertEquals("MISMATCH", mapper.readTree(lines.get(1)).get("bbo").asText());
    }

    @Test
    void shouldShowRejectedLevelsAndAnInvalidatedBook() throws Exception {
        final Path journal = dir.resolve("journal");
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        TestJournal.delta(event, TestJournal.T0, new long[] {6_180_000, -1}, new long[] {6_180_010, 100});
        writer.onEvent(event, 0, true);
        TestJournal.header(event, EventKind.GATEWAY_STATUS, TestJournal.BTC, TestJournal.T0 + TestJournal.MS);
        event.gatewayStatus = GatewayStatus.BOOK_INVALID;
        event.statusDetail = 3;
        writer.onEvent(event, 1, true);
        writer.onShutdown();

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(), "--with-book");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = withoutBookVersions(result.out);
        assertTrue(lines.get(0).endsWith(" sync=rejected rejectedLevels=1 book=AWAITING_SNAPSHOT bestBid=-"
            + " bestAsk=61800.10x0.100"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" status=BOOK_INVALID detail=3 sync=invalidated book=INVALID"
            + " bestBid=- bestAsk=61800.10x0.100"), lines.get(1));
        assertTrue(result.err.contains("the book stage counted 1 problems"), result.err);
    }

    @Test
    void shouldDumpOperatorCommandsReadablyAsTextAndJsonAndFilterThemByKind() throws Exception {
        final Path journal = dir.resolve("journal");
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        TestJournal.delta(event, TestJournal.T0, new long[] {6_180_000, 100}, new long[] {6_180_010, 100});
        writer.onEvent(event, 0, true);
        TestJournal.header(event, EventKind.OPERATOR, -1, TestJournal.T0 + TestJournal.MS);
        event.operatorCommand = OperatorCommand.KILL_SWITCH_TRIP;
        event.operatorSource = OperatorCommand.SOURCE_JMX;
        writer.onEvent(event, 1, true);
        TestJournal.header(event, EventKind.OPERATOR, -1, TestJournal.T0 + 2 * TestJournal.MS);
        event.operatorCommand = OperatorCommand.KILL_SWITCH_RESET;
        event.operatorSource = 9;
        writer.onEvent(event, 2, true);
        writer.onShutdown();

        final Result text = run("journal", "dump", "--journal", journal.toString(), "--config", config(), "--kinds", "operator");
        assertEquals(0, text.exitCode, text.err);
        final List<String> lines = text.out.lines().toList();
        assertEquals(2, lines.size(), text.out);
        assertTrue(lines.get(0).endsWith(" seq=1 OPERATOR - receiveTime=2023-11-14T22:13:20.001000000Z"
            + " command=KILL_SWITCH_TRIP source=jmx"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" seq=2 OPERATOR - receiveTime=2023-11-14T22:13:20.002000000Z"
            + " command=KILL_SWITCH_RESET source=9"), lines.get(1));

        final Result json = run("journal", "dump", "--journal", journal.toString(), "--format", "jsonl", "--kinds", "operator");
        assertEquals(0, json.exitCode, json.err);
        final JsonNode first = new ObjectMapper().readTree(json.out.lines().findFirst().orElseThrow());
        assertEquals("OPERATOR", first.get("kind").asText());
        assertEquals("KILL_SWITCH_TRIP", first.get("command").asText());
        assertEquals("jmx", first.get("source").asText());

        final Result stats = run("journal", "stats", "--journal", journal.toString());
        assertEquals(0, stats.exitCode, stats.err);
        assertRow(stats.out, "OPERATOR", "2");
    }

    @Test
    void shouldDumpRawIdsAndMantissasWithoutConfigAndSaySo() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--kinds", "book_snapshot");

        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.out.lines().findFirst().orElseThrow()
            .endsWith(" BOOK_SNAPSHOT #0 venue=binance exchangeTime=2023-11-14T22:13:19.997000000Z"
                + " receiveTime=2023-11-14T22:13:20.002000000Z u=1000 batch=0/more bids=[6180020x1500, 6180010x2000]"
                + " asks=[6180030x200]"), result.out);
        assertTrue(result.err.contains("no --config: instrument ids and raw mantissas"), result.err);
    }

    @Test
    void shouldDumpOrderCommands() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeOutbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--config", config(),
            "--stream", "outbound");

        assertEquals(0, result.exitCode, result.err);
        final List<String> lines = result.out.lines().toList();
        assertEquals(3, lines.size(), result.out);
        assertTrue(lines.get(1).endsWith(" seq=1 NEW ETHUSDT venue=binance decision=ACCEPTED strategy=3 clientOrderId=1001"
            + " side=BUY type=LIMIT timeInForce=GTX price=3000.01 qty=0.250 reduceOnly=false causeSeq=4"
            + " causeExchangeTime=2023-11-14T22:13:20.000000000Z causeReceiveTime=2023-11-14T22:13:20.001000000Z"),
            lines.get(1));
        assertTrue(lines.get(2).contains(" CANCEL BTCUSDT venue=binance decision=BOOK_NOT_VALID "), lines.get(2));
    }

    @Test
    void shouldStatAndDumpAnEmptyJournal() throws Exception {
        final Path journal = dir.resolve("journal");
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        writer.onShutdown();

        final Result stats = run("journal", "stats", "--journal", journal.toString(), "--config", config());
        assertEquals(0, stats.exitCode, stats.err);
        assertRow(stats.out, "messages", "0");
        assertRow(stats.out, "tail", "clean");
        assertRow(stats.out, "by kind", "none");
        assertRow(stats.out, "receive time", "none");

        final Result dump = run("journal", "dump", "--journal", journal.toString(), "--config", config(), "--with-book");
        assertEquals(0, dump.exitCode, dump.err);
        assertEquals("", dump.out);
        assertEquals("", dump.err);
    }

    @Test
    void shouldStatAndDumpATruncatedJournal() throws Exception {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve("inbound")).build();
             ExcerptAppender appender = queue.createAppender()) {
            final DocumentContext unfinished = appender.writingDocument();
            final InboundEvent event = new InboundEvent(4);
            TestJournal.header(event, EventKind.TIMER, -1, TestJournal.T0 + 10_000 * TestJournal.MS);
            InboundEventCodec.encode(event, 11, unfinished.wire().bytes());

            final Result stats = run("journal", "stats", "--journal", journal.toString());
            final Result dump = run("journal", "dump", "--journal", journal.toString(), "--format", "jsonl");

            unfinished.rollbackOnClose();
            unfinished.close();

            assertEquals(0, stats.exitCode, stats.err);
            assertRow(stats.out, "messages", "11");
            assertTrue(stats.out.contains("tail             INCOMPLETE: the last message was begun and never finished"),
                stats.out);

            assertEquals(0, dump.exitCode, dump.err);
            final List<String> lines = dump.out.lines().toList();
            assertEquals(TestJournal.KINDS.length, lines.size(), dump.out);
            assertTrue(lines.get(lines.size() - 1).contains("\"seq\":10,"), lines.get(lines.size() - 1));
            assertTrue(dump.err.contains("ends with an incomplete message"), dump.err);
            assertTrue(dump.err.contains("all 11 complete messages were read"), dump.err);
        }
    }

    @Test
    void shouldExitWithUsageCodeWhenThereIsNoJournal() {
        final Path nowhere = dir.resolve("nowhere");

        final Result dump = run("journal", "dump", "--journal", nowhere.toString());
        assertEquals(2, dump.exitCode);
        assertTrue(dump.err.contains("no journal at " + nowhere.resolve("inbound")), dump.err);

        final Result stats = run("journal", "stats", "--journal", nowhere.toString());
        assertEquals(2, stats.exitCode);
        assertTrue(stats.err.contains("no journal at " + nowhere.resolve("inbound")), stats.err);
    }

    @Test
    void shouldFailNamingTheMessageOfANewerSchemaVersion() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeInbound(journal);
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve("inbound")).build();
             ExcerptAppender appender = queue.createAppender()) {
            // A newer writer's message, checksum trailer included (every schema from 5 on ends with one).
            final ByteBuffer message = ByteBuffer.allocate(15).order(ByteOrder.LITTLE_ENDIAN)
                .put(JournalFormat.TYPE_INBOUND_EVENT).putShort((short)(JournalFormat.SCHEMA_VERSION + 1)).putLong(11);
            final CRC32C crc = new CRC32C();
            crc.update(message.array(), 0, 11);
            message.putInt((int)crc.getValue());
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(message.array());
            }
        }

        final Result dump = run("journal", "dump", "--journal", journal.toString());
        assertEquals(1, dump.exitCode);
        assertEquals(TestJournal.KINDS.length, dump.out.lines().count(), "every message before it is dumped");
        assertTrue(dump.err.contains("newer schema: has schema version " + (JournalFormat.SCHEMA_VERSION + 1)
            + ", this build reads up to " + JournalFormat.SCHEMA_VERSION), dump.err);

        final Result stats = run("journal", "stats", "--journal", journal.toString());
        assertEquals(1, stats.exitCode);
        assertTrue(stats.out.contains("newer schema: has schema version " + (JournalFormat.SCHEMA_VERSION + 1)), stats.out);
    }

    @Test
    void shouldRefuseKindsForTheOutboundStream() {
        final Path journal = dir.resolve("journal");
        TestJournal.writeOutbound(journal);

        final Result result = run("journal", "dump", "--journal", journal.toString(), "--stream", "outbound",
            "--kinds", "trade");

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("--kinds and --with-book apply to the inbound stream only"), result.err);
    }

    /** The dump's lines without {@code bookVersion}, which counts the book's internal changes. */
    private static List<String> withoutBookVersions(final String out) {
        return out.lines().map(line -> line.replaceAll(" bookVersion=\\d+", "")).toList();
    }

    private String config() throws Exception {
        return TestJournal.writeConfig(dir).toString();
    }

    /** A stats row: the name, padding, then exactly this value. */
    private static void assertRow(final String out, final String name, final String value) {
        final boolean found = out.lines().anyMatch(line -> {
            final String trimmed = line.trim();
            return trimmed.startsWith(name + " ") && trimmed.substring(name.length()).trim().equals(value);
        });
        assertTrue(found, "no row '" + name + "' with '" + value + "' in:\n" + out);
    }

    private static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = RingTraderCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
