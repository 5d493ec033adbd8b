package io.ringtrader.gateway.binance;

import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.config.StandardVenueSchema;
import io.ringtrader.engine.config.VenueConfig;
import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.gateway.Gateway;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.gateway.VenueCaptureImporter;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;
import io.ringtrader.gateway.binance.capture.CaptureFormat;
import io.ringtrader.gateway.binance.capture.CaptureImporter;
import io.ringtrader.gateway.binance.capture.ImportReport;
import io.ringtrader.gateway.binance.rest.BinanceOrderEntry;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.RawFrameWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Registers the Binance USDⓈ-M gateway with the engine ({@code META-INF/services}): venue {@code binance} (id 1), its
 * {@code venues.binance} section (the {@link StandardVenueSchema standard} REST + WebSocket section with Binance's
 * public endpoints, no passphrase), the {@link BinanceGateway} of a session (producer and live order entry) and the
 * capture importer {@code binance-usdm}. Only {@link BinanceGateway}'s and the importer's public API is used.
 *
 * <p>Stateless; any thread.
 */
public final class BinanceGatewayProvider implements GatewayProvider {
    /** Binance USDⓈ-M's public REST base URL, {@code venues.binance.restUrl} unless configured. */
    public static final String REST_URL = "https://fapi.binance.com";
    /** Binance USDⓈ-M's public WebSocket base URL, {@code venues.binance.wsUrl} unless configured. */
    public static final String WS_URL = "wss://fstream.binance.com";
    /** The {@code import capture --venue} name. */
    public static final String CAPTURE_VENUE = "binance-usdm";

    private static final StandardVenueSchema SCHEMA =
        new StandardVenueSchema(Venue.BINANCE_USDM.configName(), REST_URL, WS_URL, false);

    @Override
    public Venue venue() {
        return Venue.BINANCE_USDM;
    }

    @Override
    public VenueConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Gateway open(final VenueSettings settings, final GatewayContext context) {
        final BinanceGateway gateway = context.sessionTag() == null
            ? new BinanceGateway((VenueConfig)settings, context.instruments(), context.levelsPerSlot(), context.clock(),
                context.errors(), context.rawFrameWriter(RawFrameWriter.class), context.liveOrderEntry())
            : new BinanceGateway((VenueConfig)settings, context.instruments(), context.levelsPerSlot(), context.clock(),
                context.errors(), context.rawFrameWriter(RawFrameWriter.class), context.liveOrderEntry(),
                context.sessionTag());
        return new SessionGateway(gateway);
    }

    @Override
    public List<VenueCaptureImporter> captureImporters() {
        return List.of(new Importer());
    }

    /** A session's {@link BinanceGateway} as the engine sees it. */
    private static final class SessionGateway implements Gateway {
        private final BinanceGateway gateway;

        SessionGateway(final BinanceGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public InboundProducer producer() {
            return gateway;
        }

        @Override
        public VenueStage orderEntry(final InboundPublisher publisher) {
            return gateway.orderEntry(publisher);
        }

        @Override
        public List<String> stopSummary(final OnStopAction action) {
            if (!gateway.tradesLive()) {
                return List.of();
            }
            final List<String> lines = new ArrayList<>();
            lines.add("binance client order ids on the venue: " + gateway.clientOrderIds().pattern());
            final BinanceOrderEntry entry = gateway.liveOrderEntry();
            if (entry != null && entry.isHalted()) {
                lines.add("binance order entry: HALTED by the venue's code " + entry.haltCode() + " (credentials or "
                    + "permissions refused); " + entry.refusedWhileHalted() + " later commands refused without a request");
            }
            lines.addAll(gateway.atStop(action).summaryLines());
            return lines;
        }
    }

    /** {@code import capture --venue binance-usdm}: {@link CaptureImporter} over the {@link CaptureFormat}s. */
    private static final class Importer implements VenueCaptureImporter {
        @Override
        public String name() {
            return CAPTURE_VENUE;
        }

        @Override
        public Venue venue() {
            return Venue.BINANCE_USDM;
        }

        @Override
        public List<String> formats() {
            return Arrays.stream(CaptureFormat.values()).map(CaptureFormat::cliName).toList();
        }

        @Override
        public String inputProblem(final String format, final Path input) {
            if (CaptureFormat.fromCliName(format) == CaptureFormat.JOURNAL_RAW) {
                return Files.isDirectory(input.resolve(JournalStream.RAW.directoryName())) ? null
                    : input + " holds no raw/ journal (record with journal.recordRaw: true or import --raw)";
            }
            return Files.isRegularFile(input) ? null : "no such file: " + input;
        }

        @Override
        public Result run(final InstrumentRegistry instruments, final String format, final Path input, final Path journal,
            final boolean recordRaw) throws IOException {
            final ImportReport report =
                new CaptureImporter(instruments).run(input, CaptureFormat.fromCliName(format), journal, recordRaw);
            return new Result() {
                @Override
                public String describe() {
                    return report.describe();
                }

                @Override
                public boolean clean() {
                    return report.pipelineClean();
                }
            };
        }
    }
}
