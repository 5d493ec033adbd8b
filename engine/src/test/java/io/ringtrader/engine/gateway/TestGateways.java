package io.ringtrader.engine.gateway;

import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.config.StandardVenueSchema;
import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;
import java.util.List;

/**
 * Gateways registered for the engine's own tests (no gateway module is on their class path): each reads the standard
 * section of its venue; what it opens connects nothing.
 */
public abstract class TestGateways implements GatewayProvider {
    private final Venue venue;
    private final StandardVenueSchema schema;

    TestGateways(final Venue venue, final String restUrl, final String wsUrl, final boolean passphrase) {
        this.venue = venue;
        this.schema = new StandardVenueSchema(venue.configName(), restUrl, wsUrl, passphrase);
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public VenueConfigSchema configSchema() {
        return schema;
    }

    @Override
    public Gateway open(final VenueSettings settings, final GatewayContext context) {
        return new Gateway() {
            @Override
            public InboundProducer producer() {
                return new InboundProducer() {
                    @Override
                    public String name() {
                        return "test-" + venue.configName();
                    }

                    @Override
                    public void start(final InboundPublisher publisher) {
                    }

                    @Override
                    public void stop() {
                    }
                };
            }

            @Override
            public VenueStage orderEntry(final InboundPublisher publisher) {
                return (command, sequence, endOfBatch) -> { };
            }

            @Override
            public List<String> stopSummary(final OnStopAction action) {
                return List.of();
            }
        };
    }

    /** Binance's section and endpoints. */
    public static final class Binance extends TestGateways {
        public Binance() {
            super(Venue.BINANCE_USDM, "https://fapi.binance.com", "wss://fstream.binance.com", false);
        }
    }

    /** Bitget's section (with a passphrase) and endpoints. */
    public static final class Bitget extends TestGateways {
        public Bitget() {
            super(Venue.BITGET_USDT_FUTURES, "https://api.bitget.com", "wss://ws.bitget.com/v2/ws/public", true);
        }
    }
}
