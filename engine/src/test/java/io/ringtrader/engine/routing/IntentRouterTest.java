package io.ringtrader.engine.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.PublishResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IntentRouterTest {
    private static final EventTranslatorOneArg<InboundEvent, Long> TRADE = (event, sequence, receiveNs) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = 1;
        event.receiveTimeNs = receiveNs;
        event.exchangeTimeNs = 77;
    };

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
        new Instrument(1, Venue.BITGET_USDT_FUTURES, "ETHUSDT", 2, 1, 2, 1, 1, 0)));

    @Test
    void shouldRouteEveryDecidedIntentToItsInstrumentsVenueAndCountUndecidedOnes() {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final List<String> commands = new ArrayList<>();
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(64)
            .outboundRingSize(64)
            .errorHandler(errors)
            .strategy((event, sequence, endOfBatch) -> {
                event.addIntent().newOrder(1, 3, 100, OrderSide.SELL, OrderType.LIMIT, TimeInForce.IOC, 2_500_00, 150, true);
                event.addIntent().cancel(1, 3, 99);
                event.addIntent().newOrder(1, 3, 101, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1, false);
            })
            .risk((event, sequence, endOfBatch) -> {
                event.intents[0].decision = RiskDecision.ACCEPTED;
                event.intents[1].decision = RiskDecision.BOOK_NOT_VALID;
            })
            .router(publisher -> new IntentRouter(instruments, publisher, errors))
            .venue(publisher -> (command, sequence, endOfBatch) -> commands.add(command.action + " " + command.side
                + " venue=" + command.venueId + " id=" + command.clientOrderId + " px=" + command.priceMantissa
                + " qty=" + command.qtyMantissa + " reduceOnly=" + command.reduceOnly + " " + command.decision
                + " cause=" + command.causeSequence + "/" + command.causeReceiveTimeNs + "/" + command.causeExchangeTimeNs))
            .build();
        pipeline.start();
        assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().tryPublish(TRADE, 5_000L));
        assertTrue(pipeline.stop().clean());

        assertEquals(List.of(
            "NEW SELL venue=2 id=100 px=250000 qty=150 reduceOnly=true ACCEPTED cause=0/5000/77",
            OrderAction.CANCEL + " null venue=2 id=99 px=0 qty=0 reduceOnly=false BOOK_NOT_VALID cause=0/5000/77"), commands);
        assertEquals(1, errors.count(ErrorKind.STAGE), "the undecided intent is counted, not routed");
    }
}
