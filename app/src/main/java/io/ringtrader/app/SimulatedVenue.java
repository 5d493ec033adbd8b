package io.ringtrader.app;

import io.ringtrader.engine.config.InstrumentConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.SimulatorConfig;
import io.ringtrader.engine.config.VenueConfig;
import io.ringtrader.engine.config.VenueFiltersConfig;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.sim.SimFilters;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import io.ringtrader.sim.binance.gen.SyntheticMarket;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process market of {@code simulator.enabled}: exchange-sim on 127.0.0.1 (an ephemeral port) with a seeded
 * synthetic market for every Binance instrument, paced in wall-clock time. {@link #config()} is the session's config
 * with {@code venues.binance} pointed at it, so the gateway connects over real WebSockets and REST.
 */
final class SimulatedVenue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);
    /** The venue exchange-sim stands in for. */
    private static final String SIMULATED = Venue.BINANCE_USDM.configName();
    /** Smallest synthetic order, in quote currency (e.g. USDT). */
    private static final BigDecimal MIN_ORDER_NOTIONAL = new BigDecimal("200");
    /** The largest synthetic order is this many times the smallest (a heavy tail in between). */
    private static final long MAX_ORDER_MULTIPLE = 2_000;

    private final BinanceSim sim;
    private final SyntheticMarket market;
    private final RingTraderConfig config;

    private SimulatedVenue(final BinanceSim sim, final SyntheticMarket market, final RingTraderConfig config) {
        this.sim = sim;
        this.market = market;
        this.config = config;
    }

    /** Starts the venue and its market for {@code config}'s simulator section (which must be enabled). */
    static SimulatedVenue start(final RingTraderConfig config) {
        final SimulatorConfig simulator = config.simulator();
        final BinanceSimConfig.Builder venue = BinanceSimConfig.builder().seed(simulator.seed());
        final VenueConfig binance = config.venues().venueConfig(SIMULATED);
        if (!binance.apiKey().isEmpty() && !binance.apiSecret().isEmpty()) {
            // execution.mode: live against the simulator: it accepts the configured credentials
            venue.apiKey(binance.apiKey().reveal(), binance.apiSecret().reveal());
        }
        final SyntheticMarketConfig.Builder flow = SyntheticMarketConfig.builder()
            .seed(simulator.seed())
            .eventRate(simulator.eventsPerSecond())
            .timeMode(SyntheticMarketConfig.TimeMode.WALL);
        for (final SimulatorConfig.Instrument priced : simulator.instruments()) {
            final InstrumentConfig instrument = config.instruments().stream()
                .filter(i -> SIMULATED.equals(i.venue()) && i.symbol().equals(priced.symbol()))
                .findFirst().orElseThrow();
            final SimSymbol symbol = new SimSymbol(instrument.symbol(), instrument.tickSize().toPlainString(),
                instrument.lotSize().toPlainString(), instrument.priceScale(), instrument.qtyScale())
                .withFilters(filters(instrument));
            venue.symbol(symbol);
            final long minLots = Math.max(1, MIN_ORDER_NOTIONAL.divide(priced.startPrice().multiply(instrument.lotSize()),
                0, RoundingMode.CEILING).longValueExact());
            flow.instrument(new SyntheticMarketConfig.Instrument(symbol, priced.startPrice().doubleValue(), minLots,
                minLots * MAX_ORDER_MULTIPLE, 1.0));
        }
        final BinanceSim sim = new BinanceSim(venue.build()).start();
        final SyntheticMarket market;
        try {
            market = new SyntheticMarket(sim, flow.build()).start();
        } catch (final RuntimeException e) {
            sim.close();
            throw e;
        }
        final VenueConfig pointed = new VenueConfig(binance.name(), true, sim.restBaseUrl(), sim.wsBaseUrl(),
            binance.apiKey(), binance.apiSecret(), binance.passphrase(), binance.streams(), binance.connection());
        final RingTraderConfig session = new RingTraderConfig(config.instruments(),
            config.venues().with(pointed), config.pipeline(), config.execution(), config.journal(),
            config.features(), config.telemetry(), config.strategies(), config.risk(), config.simulator());
        LOG.info("simulator: exchange-sim on {} / {}, synthetic market of {} instruments at {} events/s, seed {}",
            sim.restBaseUrl(), sim.wsBaseUrl(), simulator.instruments().size(), simulator.eventsPerSecond(),
            simulator.seed());
        return new SimulatedVenue(sim, market, session);
    }

    /**
     * The venue's filters of an instrument as configured ({@code instruments[i].filters}), so the simulator publishes
     * and enforces what the risk stage checks; a filter left out of the config takes the simulator's grid-only value.
     */
    private static SimFilters filters(final InstrumentConfig instrument) {
        final VenueFiltersConfig configured = instrument.filters();
        final SimFilters grid = SimFilters.gridOnly(instrument.tickSize(), instrument.lotSize());
        return new SimFilters(configured.minPrice().orElse(grid.minPrice()), configured.maxPrice().orElse(grid.maxPrice()),
            grid.minQty(), configured.maxQty().orElse(grid.maxQty()), configured.marketMaxQty().orElse(grid.marketMaxQty()),
            configured.minNotional().orElse(grid.minNotional()), configured.priceBandUp().orElse(grid.multiplierUp()),
            configured.priceBandDown().orElse(grid.multiplierDown()));
    }

    /** The session's config, {@code venues.binance} pointed at this venue. */
    RingTraderConfig config() {
        return config;
    }

    /** Stops the market, then the venue. */
    @Override
    public void close() {
        try {
            market.close();
        } finally {
            sim.close();
        }
    }
}
