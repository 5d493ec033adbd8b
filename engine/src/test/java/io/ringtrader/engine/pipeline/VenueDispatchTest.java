package io.ringtrader.engine.pipeline;

import static io.ringtrader.engine.Conditions.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Venue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbound side hands each order command to its venue's stage by venue id, behind the journal gate when
 * {@code journal.gateOrders} is on, and the commands of a venue without a stage to the fallback stage; the fused
 * pipeline of a replay dispatches the same way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VenueDispatchTest {
    /** A trade whose id picks the venue of the command it causes: 1 binance, 2 bitget, 0 none. */
    private static final EventTranslatorOneArg<InboundEvent, Long> TRADE = (event, sequence, id) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.tradeId = id;
        event.tradePrice = 100_00;
        event.tradeQty = 1;
        event.receiveTimeNs = 1_700_000_000_000_000_000L + id;
    };
    private static final int[] VENUE_OF_TRADE = {Venue.BINANCE_USDM.id(), Venue.BITGET_USDT_FUTURES.id(), 0,
        Venue.BINANCE_USDM.id()};

    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final Map<Venue, List<Long>> sentByVenue = new EnumMap<>(Venue.class);
    private final List<Long> fallbackCauses = new CopyOnWriteArrayList<>();
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    @Test
    void shouldHandEachCommandToItsVenuesStageBehindTheJournalGate() throws Exception {
        final JournalProgress progress = new JournalProgress(errors);
        pipeline = builder(true).journalProgress(progress, true).build();
        pipeline.start();
        for (long id = 0; id < VENUE_OF_TRADE.length; id++) {
            assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, id));
        }

        awaitTrue(() -> sent(Venue.BINANCE_USDM).size() + sent(Venue.BITGET_USDT_FUTURES).size() + fallbackCauses.size() == 4,
            "every command reached a stage");
        assertEquals(List.of(0L, 3L), sent(Venue.BINANCE_USDM));
        assertEquals(List.of(1L), sent(Venue.BITGET_USDT_FUTURES));
        assertEquals(List.of(2L), fallbackCauses, "a command of a venue without a stage goes to the fallback");
        assertTrue(pipeline.ordersGated());
    }

    @Test
    void shouldDispatchByVenueInTheFusedPipelineOfAReplay() {
        final FusedPipeline fused = builder(false).buildFused(16);
        fused.start();
        final InboundEvent event = new InboundEvent(4);
        for (long id = 0; id < VENUE_OF_TRADE.length; id++) {
            event.reset();
            TRADE.translateTo(event, id, id);
            fused.process(event, id);
        }
        fused.stop();

        assertEquals(List.of(0L, 3L), sent(Venue.BINANCE_USDM));
        assertEquals(List.of(1L), sent(Venue.BITGET_USDT_FUTURES));
        assertEquals(List.of(2L), fallbackCauses);
    }

    @Test
    void shouldStartAndShutDownEveryVenueStageOnce() {
        final List<String> calls = new ArrayList<>();
        final VenueDispatcher dispatcher = new VenueDispatcher(Map.of(Venue.BINANCE_USDM, lifecycle("binance", calls),
            Venue.BITGET_USDT_FUTURES, lifecycle("bitget", calls)), lifecycle("fallback", calls));

        dispatcher.onStart();
        dispatcher.onShutdown();

        assertEquals(6, calls.size(), calls::toString);
        assertTrue(calls.containsAll(List.of("binance start", "bitget start", "fallback start", "binance shutdown",
            "bitget shutdown", "fallback shutdown")), calls::toString);
    }

    @Test
    void shouldRefuseASecondStageForOneVenue() {
        final Pipeline.Builder builder = Pipeline.builder().venue(Venue.BINANCE_USDM, publisher -> new NoOpStages.Venue());

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> builder.venue(Venue.BINANCE_USDM, publisher -> new NoOpStages.Venue()));
        assertEquals("venue binance has a venue stage already", e.getMessage());
    }

    private Pipeline.Builder builder(final boolean gated) {
        return Pipeline.builder()
            .inboundRingSize(64)
            .outboundRingSize(16)
            .threads(StageThreadSpec.defaults())
            .errorHandler(errors)
            .risk((event, sequence, endOfBatch) -> {
                if (event.kind == EventKind.TRADE) {
                    event.addIntent().newOrder(0, 1, event.tradeId + 1, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                        event.tradePrice, 1, false);
                    event.intents[0].decision = RiskDecision.ACCEPTED;
                }
            })
            .router(publisher -> (RouterStage)(event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    publisher.publish(event.intents[i], VENUE_OF_TRADE[(int)event.tradeId], event, sequence);
                }
            })
            .venue(Venue.BINANCE_USDM, publisher -> recording(Venue.BINANCE_USDM, gated))
            .venue(Venue.BITGET_USDT_FUTURES, publisher -> recording(Venue.BITGET_USDT_FUTURES, gated))
            .venue(publisher -> (VenueStage)(command, sequence, endOfBatch) -> fallbackCauses.add(command.causeSequence));
    }

    private VenueStage recording(final Venue venue, final boolean gated) {
        final List<Long> sent = sent(venue);
        return (command, sequence, endOfBatch) -> {
            if (command.venueId != venue.id() || (gated && !command.journaled)) {
                fail("venue " + venue + " got " + command);
            }
            sent.add(command.causeSequence);
        };
    }

    private synchronized List<Long> sent(final Venue venue) {
        return sentByVenue.computeIfAbsent(venue, v -> new CopyOnWriteArrayList<>());
    }

    private static VenueStage lifecycle(final String name, final List<String> calls) {
        return new VenueStage() {
            @Override
            public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
            }

            @Override
            public void onStart() {
                calls.add(name + " start");
            }

            @Override
            public void onShutdown() {
                calls.add(name + " shutdown");
            }
        };
    }
}
