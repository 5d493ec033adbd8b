package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replay checks its config's instruments against the journal's instrument table: one that declares them
 * differently, in any of the ways an instrument can differ, is refused naming the instrument and the difference,
 * unless a mismatch is allowed, and then the result says what the config's instruments override.
 */
class ReplayInstrumentCheckTest {
    private static final String BTC = "{symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}";
    private static final String ETH = "{symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\"}";

    @TempDir
    static Path journal;

    /** A session of BTCUSDT (id 0) and ETHUSDT (id 1): one book snapshot, no orders. */
    @BeforeAll
    static void recordSession() {
        final JournalConfig config = JournalConfig.defaults(journal).withManifest(JournalManifest.of("ringtrader test",
            "lq2x3k9a0b7", "sha256:00", Engine.registry(config(BTC, ETH).instruments())));
        final InboundJournalWriter inbound = new InboundJournalWriter(config);
        inbound.onStart();
        final InboundEvent snapshot = new InboundEvent(4);
        snapshot.kind = EventKind.BOOK_SNAPSHOT;
        snapshot.instrumentId = 0;
        snapshot.venueId = 1;
        snapshot.receiveTimeNs = 1_700_000_000_000_000_000L;
        snapshot.addBid(6_180_000, 5_000);
        snapshot.addAsk(6_180_010, 5_000);
        inbound.onEvent(snapshot, 0, true);
        inbound.onShutdown();
        final OutboundJournalWriter outbound = new OutboundJournalWriter(config);
        outbound.onStart();
        outbound.onShutdown();
    }

    @Test
    void shouldReplayWithAConfigThatDeclaresTheJournalsInstruments() throws Exception {
        final ReplayResult result = ReplayRunner.run(config(BTC, ETH), ReplayOptions.of(journal).withVerify(true),
            EngineExtension.NONE);

        assertEquals("2 as in the journal's instrument table (binance:BTCUSDT, binance:ETHUSDT)", result.instruments());
        assertTrue(result.ok());
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
            Arguments.of("tick size", config(BTC.replace("\"0.10\"", "\"0.01\""), ETH),
                "binance:BTCUSDT: tickSize 0.10 in the journal, 0.01 in the config"),
            Arguments.of("lot size", config(BTC, ETH.replace("lotSize: \"0.001\"", "lotSize: \"0.01\"")),
                "binance:ETHUSDT: lotSize 0.001 in the journal, 0.01 in the config"),
            Arguments.of("price scale", config(BTC.replace("}", ", priceScale: 4}"), ETH),
                "binance:BTCUSDT: priceScale 2 in the journal, 4 in the config"),
            Arguments.of("quantity scale", config(BTC.replace("}", ", qtyScale: 5}"), ETH),
                "binance:BTCUSDT: qtyScale 3 in the journal, 5 in the config"),
            Arguments.of("contract size", config(BTC.replace("}", ", contractSize: \"0.01\"}"), ETH),
                "binance:BTCUSDT: contractSize 1 in the journal, 0.01 in the config"),
            Arguments.of("id order", config(ETH, BTC),
                "binance:BTCUSDT: id 0 in the journal, 1 in the config"),
            Arguments.of("missing instrument", config(BTC),
                "binance:ETHUSDT: id 1 in the journal, not in the config"),
            Arguments.of("extra instrument", config(BTC, ETH, ETH.replace("ETHUSDT", "SOLUSDT")),
                "binance:SOLUSDT: id 2 in the config, not in the journal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void shouldRefuseAConfigThatDeclaresAnInstrumentDifferently(final String kind, final RingTraderConfig config,
        final String difference) {
        final ConfigMismatchException e = assertThrows(ConfigMismatchException.class,
            () -> ReplayRunner.run(config, ReplayOptions.of(journal), EngineExtension.NONE));

        assertTrue(e.getMessage().startsWith("the config declares the instruments differently from the journal's"
            + " instrument table (the session's, schema 6):"), e.getMessage());
        assertTrue(e.getMessage().contains(System.lineSeparator() + "  " + difference), e.getMessage());
    }

    @Test
    void shouldReplayWithTheConfigsInstrumentsWhenAMismatchIsAllowedAndSayWhatTheyOverride() throws Exception {
        final ReplayResult result = ReplayRunner.run(config(BTC.replace("\"0.10\"", "\"0.01\""), ETH),
            ReplayOptions.of(journal).withConfigMismatch(ConfigMismatch.ALLOW), EngineExtension.NONE);

        assertEquals("--config-mismatch=allow: the config's 2 instruments override the journal's table in 1 way:"
            + " binance:BTCUSDT: tickSize 0.10 in the journal, 0.01 in the config", result.instruments());
        assertEquals(1, result.eventsReplayed());
        assertTrue(result.describe().startsWith("instruments: --config-mismatch=allow: "), result.describe());
    }

    private static RingTraderConfig config(final String... instruments) {
        return ConfigLoader.parse("instruments: [" + String.join(", ", instruments) + "]\n", "replay.yaml", name -> null)
            .config();
    }
}
