package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.VenueConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session whose API secret the venue (exchange-sim on loopback) does not accept: the first order's -1022 halts
 * Binance order entry, the risk stage refuses every later command of the venue (VENUE_HALTED) in ring order, the stop
 * summary says so, and the journal replays to the same decisions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveVenueRejectsTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");

    @TempDir
    Path dir;

    @Test
    void shouldHaltOrderEntryOnAWrongSecretAndRefuseTheVenuesCommandsInRiskFromThen() throws Exception {
        final String live = Files.readString(DEMO)
            .replace("mode: paper ", "mode: live  ")
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry"));
        final String venueWithKeys = live.replace("    enabled: true               # its restUrl/wsUrl",
            "    apiKey: sim-key\n    apiSecret: %s\n    enabled: true               # its restUrl/wsUrl");
        try (SimulatedVenue venue = SimulatedVenue.start(ConfigLoader.parse(venueWithKeys.formatted("sim-secret"),
            "venue.yaml", name -> null).config())) {
            final VenueConfig pointed = venue.config().venues().venueConfig("binance");
            final Path config = dir.resolve("wrong-secret.yaml");
            Files.writeString(config, venueWithKeys.formatted("not-the-secret")
                .replace("    enabled: true               # its restUrl/wsUrl are replaced by the simulator's",
                    "    enabled: true\n    restUrl: " + pointed.restUrl() + "\n    wsUrl: " + pointed.wsUrl())
                .replace("simulator:\n  enabled: true", "simulator:\n  enabled: false"));

            final String[] run = cli("run", "--config", config.toString(), "--duration", "12s");

            assertEquals("0", run[0], run[1] + run[2] + Files.readString(config));
            assertTrue(run[1].contains("binance order entry: HALTED by the venue's code -1022 (credentials or permissions "
                + "refused)"), "the stop summary names the halt:\n" + run[1]);
            assertTrue(run[1].contains("binance at stop: FAILED: nothing done or listed: the venue refused our credentials "
                + "or permissions (code -1022); check its open orders and positions by hand\n"), run[1]);
            final Path session;
            try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
                session = sessions.findFirst().orElseThrow();
            }
            final String[] inbound = cli("journal", "dump", "--journal", session.toString(), "--config", config.toString(),
                "--kinds", "gateway_status");
            assertTrue(inbound[1].contains("status=ORDER_ENTRY_HALTED detail=-1022"), inbound[1]);
            final String[] outbound = cli("journal", "stats", "--journal", session.toString(), "--config",
                config.toString(), "--stream", "outbound");
            assertTrue(outbound[1].contains("VENUE_HALTED"), "risk refused the venue's later commands:\n" + outbound[1]);
            final String[] replay = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--verify");
            assertEquals("0", replay[0], replay[1] + replay[2]);
        }
    }
}
