package io.ringtrader.app;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.config.StandardVenueSchema;
import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.gateway.Gateway;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agrona.concurrent.EpochNanoClock;

/**
 * A Bitget gateway for the app's tests, registered through the SPI ({@code META-INF/services} of the test classes) until
 * the real one lands: its producer publishes, when started, one connection status and a two-sided book snapshot per
 * Bitget instrument (bid {@code 89990} x 1, ask {@code 90010} x 1); its order entry records every command it gets in
 * {@link #COMMANDS} and acknowledges the accepted new orders. Nothing leaves the process.
 */
public final class StubBitgetGateway implements GatewayProvider {
    /** Every command the stub's order entry received, as {@code "DECISION ACTION instrumentId qty"}; tests clear it. */
    static final List<String> COMMANDS = new CopyOnWriteArrayList<>();

    private static final long BID = 899_900;
    private static final long ASK = 900_100;

    @Override
    public Venue venue() {
        return Venue.BITGET_USDT_FUTURES;
    }

    @Override
    public VenueConfigSchema configSchema() {
        return new StandardVenueSchema("bitget", "https://api.bitget.com", "wss://ws.bitget.com/v2/ws/public", true);
    }

    @Override
    public Gateway open(final VenueSettings settings, final GatewayContext context) {
        return new Stub(context);
    }

    private static final class Stub implements Gateway, InboundProducer {
        private static final EventTranslatorOneArg<InboundEvent, Stub> CONNECTED = (event, sequence, stub) -> {
            event.kind = EventKind.GATEWAY_STATUS;
            event.venueId = Venue.BITGET_USDT_FUTURES.id();
            event.gatewayStatus = GatewayStatus.CONNECTED;
            event.statusDetail = 1;
            event.receiveTimeNs = stub.clock.nanoTime();
        };
        private static final EventTranslatorOneArg<InboundEvent, Instrument> SNAPSHOT = (event, sequence, instrument) -> {
            event.kind = EventKind.BOOK_SNAPSHOT;
            event.instrumentId = instrument.id();
            event.venueId = Venue.BITGET_USDT_FUTURES.id();
            event.addBid(BID, 1_000);
            event.addAsk(ASK, 1_000);
        };
        private static final EventTranslatorOneArg<InboundEvent, OrderCommand> ACK = (event, sequence, command) -> {
            event.kind = EventKind.EXECUTION_REPORT;
            event.instrumentId = command.instrumentId;
            event.venueId = command.venueId;
            event.execType = ExecType.ACK;
            event.clientOrderId = command.clientOrderId;
            event.execSide = command.side;
            event.orderPrice = command.priceMantissa;
            event.orderQty = command.qtyMantissa;
            event.leavesQty = command.qtyMantissa;
            event.receiveTimeNs = command.causeReceiveTimeNs;
        };

        private final GatewayContext context;
        private final EpochNanoClock clock;

        Stub(final GatewayContext context) {
            this.context = context;
            this.clock = context.clock();
        }

        @Override
        public InboundProducer producer() {
            return this;
        }

        @Override
        public String name() {
            return "bitget-stub";
        }

        @Override
        public void start(final InboundPublisher publisher) {
            publisher.tryPublish(CONNECTED, this);
            for (final Instrument instrument : context.instruments().instruments()) {
                if (instrument.venue() == Venue.BITGET_USDT_FUTURES) {
                    publisher.tryPublish(SNAPSHOT, instrument);
                }
            }
        }

        @Override
        public void stop() {
        }

        @Override
        public VenueStage orderEntry(final InboundPublisher publisher) {
            return (command, sequence, endOfBatch) -> {
                COMMANDS.add(command.decision + " " + command.action + " " + command.instrumentId + " " + command.qtyMantissa);
                if (command.decision == RiskDecision.ACCEPTED && command.action == OrderAction.NEW) {
                    publisher.tryPublishOrDefer(ACK, command);
                }
            };
        }

        @Override
        public List<String> stopSummary(final OnStopAction action) {
            return List.of("bitget (stub) at stop: " + COMMANDS.size() + " order commands received");
        }
    }
}
