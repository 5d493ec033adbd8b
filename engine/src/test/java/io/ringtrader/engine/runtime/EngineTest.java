package io.ringtrader.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineTest {
    @TempDir
    Path dir;

    @Test
    void shouldBuildInstrumentsWithScaledTickLotAndContractSize() {
        final Engine engine = Engine.create(config("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
              - {symbol: DOGEUSDT, venue: bitget, tickSize: "0.00001", lotSize: "1", contractSize: "0.5"}
            """), new SystemEpochNanoClock());
        final Instrument btc = engine.instruments().byId(0);
        assertEquals(2, btc.priceScale());
        assertEquals(10, btc.tickSizeMantissa());
        assertEquals(3, btc.qtyScale());
        assertEquals(1, btc.lotSizeMantissa());
        final Instrument doge = engine.instruments().byId(1);
        assertEquals(5, doge.priceScale());
        assertEquals(1, doge.tickSizeMantissa());
        assertEquals(5, doge.contractSizeMantissa());
        assertEquals(1, doge.contractSizeScale());
    }

    @Test
    void shouldRunTimerTicksThroughEveryInboundStageAndStopCleanly() throws Exception {
        final Engine engine = Engine.create(config("""
            pipeline:
              timerInterval: 5ms
              threads:
                - {name: j, stages: [journal], waitStrategy: sleeping}
                - {name: logic, stages: [book, features, model, strategy, risk, router], waitStrategy: blocking}
                - {name: v, stages: [venue], waitStrategy: blocking}
                - {name: oj, stages: [outbound-journal], waitStrategy: blocking}
            telemetry:
              outputDir: %s
            """.formatted(dir.resolve("telemetry"))), new SystemEpochNanoClock());
        engine.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.pipeline().inboundPublished() < 20 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        final Pipeline.StopReport report = engine.stop();
        assertTrue(report.clean(), report.toString());
        assertTrue(engine.pipeline().inboundPublished() >= 20, "timer ticks published");
        assertTrue(engine.status().startsWith("events "));
        assertEquals(9, engine.writeLatencyFiles().size());
        assertTrue(Files.exists(dir.resolve("telemetry/router.hgrm")));
        engine.pipeline().latency().totals().stream()
            .filter(s -> s.stage().equals("router"))
            .forEach(s -> assertEquals(engine.pipeline().inboundPublished(), s.count()));
        assertEquals(0, engine.errors().totalCount());
    }

    @Test
    void shouldRefuseAnEnabledVenueNoExtensionConnects() {
        final RingTraderConfig config = config("""
            venues:
              binance: {enabled: true}
            """);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> Engine.create(config, new SystemEpochNanoClock()));
        assertEquals("venues.binance.enabled: no binance gateway in this engine; set enabled: false", error.getMessage());
    }

    @Test
    void shouldAcceptAnEnabledVenueAnExtensionConnects() {
        final RingTraderConfig config = config("""
            venues:
              binance: {enabled: true}
            """);
        final EngineExtension gateway = new EngineExtension() {
            @Override
            public void extend(final Pipeline.Builder builder, final InstrumentRegistry instruments,
                final DistinctErrorHandler errors) {
            }

            @Override
            public Set<String> connectedVenues() {
                return Set.of("binance");
            }
        };
        final Engine engine = Engine.create(config, new SystemEpochNanoClock(), EngineExtension.NONE.andThen(gateway),
            EngineMode.TRADE);
        assertEquals(0, engine.errors().totalCount());
    }

    private static RingTraderConfig config(final String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", name -> null).config();
    }
}
