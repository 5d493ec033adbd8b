package io.ringtrader.gateway.binance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import io.ringtrader.gateway.binance.TestClientOrderIds;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.binance.rest.FakeVenue.Reply;
import io.ringtrader.gateway.common.rest.RestAlarmListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinanceOrderEntryTest {
    private static final long NOW_MS = 1_723_161_256_000L;
    private static final long RECEIVE_NS = 5_000_000_000L;
    /** A RESULT response as documented for POST /fapi/v1/order, with our values. */
    private static final String NEW_LIMIT = "{\"clientOrderId\":\"rt-loyw3v2801a-42\",\"cumQty\":\"0\",\"cumQuote\":\"0\","
        + "\"executedQty\":\"0\",\"orderId\":22542179,\"avgPrice\":\"0.00000\",\"origQty\":\"0.010\",\"price\":\"61800.20\","
        + "\"reduceOnly\":false,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"status\":\"NEW\",\"stopPrice\":\"0\","
        + "\"closePosition\":false,\"symbol\":\"BTCUSDT\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\","
        + "\"origType\":\"LIMIT\",\"updateTime\":1723161256100,\"workingType\":\"CONTRACT_PRICE\",\"priceProtect\":false,"
        + "\"priceMatch\":\"NONE\",\"selfTradePreventionMode\":\"NONE\",\"goodTillDate\":0}";

    private FakeVenue venue;
    private BinanceRestClient client;
    private QueueSink sink;
    private BinanceOrderEntry entry;
    private final CompletableFuture<Long> alarm = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        venue = new FakeVenue();
        client = new BinanceRestClient(venue.config().build(), () -> NOW_MS,
            (retryAfterMs, message) -> alarm.complete(retryAfterMs));
        sink = new QueueSink();
        entry = new BinanceOrderEntry(client, TestClientOrderIds.SESSION, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(RECEIVE_NS), new DistinctErrorHandler());
    }

    @AfterEach
    void stop() {
        client.close();
        venue.close();
    }

    private static OrderCommand limitBuy(final long clientOrderId) {
        final OrderCommand command = new OrderCommand();
        command.action = OrderAction.NEW;
        command.instrumentId = TestInstruments.BTCUSDT;
        command.venueId = Venue.BINANCE_USDM.id();
        command.clientOrderId = clientOrderId;
        command.side = OrderSide.BUY;
        command.type = OrderType.LIMIT;
        command.timeInForce = TimeInForce.GTC;
        command.priceMantissa = 6_180_020;
        command.qtyMantissa = 10;
        command.decision = RiskDecision.ACCEPTED;
        return command;
    }

    @Test
    void shouldSendALimitOrderWithExactlyTheParamsBinanceExpectsAndPublishTheAck() throws Exception {
        venue.respond(request -> Reply.ok(NEW_LIMIT));

        entry.onCommand(limitBuy(42), 0, true);

        final FakeVenue.Received request = venue.next();
        assertEquals("POST", request.method());
        assertEquals("/fapi/v1/order", request.path());
        assertEquals("", request.query());
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        assertTrue(request.body().startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010"
            + "&price=61800.20&newClientOrderId=rt-loyw3v2801a-42&newOrderRespType=RESULT&recvWindow=5000&timestamp=" + NOW_MS
            + "&signature="), request.body());
        assertTrue(request.signatureValid());

        final InboundEvent ack = sink.next();
        assertEquals(EventKind.EXECUTION_REPORT, ack.kind);
        assertEquals(ExecType.ACK, ack.execType);
        assertEquals(TestInstruments.BTCUSDT, ack.instrumentId);
        assertEquals(Venue.BINANCE_USDM.id(), ack.venueId);
        assertEquals(42, ack.clientOrderId);
        assertEquals(22542179L, ack.venueOrderId);
        assertEquals(OrderSide.BUY, ack.execSide);
        assertEquals(6_180_020, ack.orderPrice);
        assertEquals(10, ack.orderQty);
        assertEquals(0, ack.cumFillQty);
        assertEquals(10, ack.leavesQty);
        assertEquals(1_723_161_256_100_000_000L, ack.exchangeTimeNs);
        assertEquals(RECEIVE_NS, ack.receiveTimeNs);
        assertEquals(0, ack.rejectCode);
    }

    @Test
    void shouldSendAReduceOnlyMarketOrderWithoutPriceOrTimeInForce() throws Exception {
        venue.respond(request -> Reply.ok(NEW_LIMIT));
        final OrderCommand command = limitBuy(7);
        command.side = OrderSide.SELL;
        command.type = OrderType.MARKET;
        command.timeInForce = null;
        command.reduceOnly = true;
        command.qtyMantissa = 1_234;

        entry.onCommand(command, 0, true);

        assertTrue(venue.next().body().startsWith("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=1.234&reduceOnly=true"
            + "&newClientOrderId=rt-loyw3v2801a-7&newOrderRespType=RESULT&recvWindow=5000&timestamp="));
    }

    @Test
    void shouldSendPostOnlyAsGtx() throws Exception {
        venue.respond(request -> Reply.ok(NEW_LIMIT));
        final OrderCommand command = limitBuy(8);
        command.timeInForce = TimeInForce.GTX;

        entry.onCommand(command, 0, true);

        assertEquals("GTX", venue.next().params().get("timeInForce"));
    }

    @Test
    void shouldPublishARejectWithTheBinanceErrorCode() throws Exception {
        venue.respond(request -> Reply.of(400, "{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}"));

        entry.onCommand(limitBuy(43), 0, true);

        final InboundEvent reject = sink.next();
        assertEquals(ExecType.REJECT, reject.execType);
        assertEquals(43, reject.clientOrderId);
        assertEquals(-2019, reject.rejectCode);
        assertEquals(OrderSide.BUY, reject.execSide);
        assertEquals(6_180_020, reject.orderPrice);
        assertEquals(10, reject.orderQty);
    }

    @Test
    void shouldRejectANegativeClientOrderIdLocallyWithoutSendingIt() throws Exception {
        venue.respond(request -> Reply.ok(NEW_LIMIT));

        entry.onCommand(limitBuy(-42), 0, true);

        final InboundEvent reject = sink.next();
        assertEquals(ExecType.REJECT, reject.execType);
        assertEquals(-42, reject.clientOrderId);
        assertEquals(BinanceOrderEntry.REJECT_NOT_SENT, reject.rejectCode);
        assertEquals(0, entry.commandsSent());
        assertTrue(venue.drain().isEmpty(), "nothing sent");
    }

    @Test
    void shouldIgnoreCommandsRiskDidNotAccept() throws Exception {
        final OrderCommand command = limitBuy(44);
        command.decision = RiskDecision.INVALID_ORDER;

        entry.onCommand(command, 0, true);

        assertEquals(1, entry.commandsIgnored());
        assertEquals(0, entry.commandsSent());
    }

    @Test
    void shouldStopOrderEntryAndRaiseTheAlarmWhenTheIpIsBanned() throws Exception {
        venue.respond(request -> Reply.of(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}",
            "Retry-After", "120"));

        entry.onCommand(limitBuy(45), 0, true);

        assertEquals(120_000L, alarm.get(5, TimeUnit.SECONDS));
        final InboundEvent first = sink.next();
        assertEquals(ExecType.REJECT, first.execType);
        assertEquals(BinanceOrderEntry.REJECT_IP_BANNED, first.rejectCode);
        assertTrue(client.rateLimits().orderEntryStopped());
        assertEquals(1, venue.drain().size());

        entry.onCommand(limitBuy(46), 1, true);

        final InboundEvent second = sink.next();
        assertEquals(46, second.clientOrderId);
        assertEquals(BinanceOrderEntry.REJECT_IP_BANNED, second.rejectCode);
        assertTrue(venue.drain().isEmpty(), "no order may be sent after a ban");
    }

    @Test
    void shouldQueryTheOrderInsteadOfResendingItWhenTheExecutionStatusIsUnknown() throws Exception {
        final AtomicInteger queries = new AtomicInteger();
        venue.respond(request -> {
            if (request.method().equals("POST")) {
                return Reply.of(503, "{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}");
            }
            return queries.incrementAndGet() == 1
                ? Reply.of(400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}")
                : Reply.ok(NEW_LIMIT.replace("\"executedQty\":\"0\"", "\"executedQty\":\"0.004\"")
                    .replace("\"status\":\"NEW\"", "\"status\":\"PARTIALLY_FILLED\""));
        });

        entry.onCommand(limitBuy(42), 0, true);

        final InboundEvent ack = sink.next();
        assertEquals(ExecType.ACK, ack.execType);
        assertEquals(42, ack.clientOrderId);
        assertEquals(22542179L, ack.venueOrderId);
        assertEquals(4, ack.cumFillQty);
        assertEquals(6, ack.leavesQty);
        final List<FakeVenue.Received> requests = venue.drain();
        assertEquals(List.of("POST", "GET", "GET"), requests.stream().map(FakeVenue.Received::method).toList());
        assertEquals("rt-loyw3v2801a-42", requests.get(1).params().get("origClientOrderId"));
        assertNull(requests.get(1).params().get("newClientOrderId"));
    }

    @Test
    void shouldQueryInsteadOfResendingWhenTheOrderResponseIsLost() throws Exception {
        client.close();
        client = new BinanceRestClient(venue.config().requestTimeout(java.time.Duration.ofMillis(300)).build(),
            () -> NOW_MS, RestAlarmListener.NONE);
        entry = new BinanceOrderEntry(client, TestClientOrderIds.SESSION, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(RECEIVE_NS), new DistinctErrorHandler());
        venue.respond(request -> {
            if (request.method().equals("POST")) {
                try {
                    Thread.sleep(900);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.ok(NEW_LIMIT);
        });

        entry.onCommand(limitBuy(42), 0, true);

        final InboundEvent ack = sink.next();
        assertEquals(ExecType.ACK, ack.execType);
        assertEquals(22542179L, ack.venueOrderId);
        final List<FakeVenue.Received> requests = venue.drain();
        assertEquals(List.of("POST", "GET"), requests.stream().map(FakeVenue.Received::method).toList());
    }

    @Test
    void shouldReportTheOrderAsNotPlacedWhenTheVenueNeverKnewIt() throws Exception {
        venue.respond(request -> request.method().equals("POST")
            ? Reply.of(503, "{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}")
            : Reply.of(400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}"));

        entry.onCommand(limitBuy(47), 0, true);

        final InboundEvent reject = sink.next();
        assertEquals(ExecType.REJECT, reject.execType);
        assertEquals(BinanceOrderEntry.ORDER_DOES_NOT_EXIST, reject.rejectCode);
        final List<FakeVenue.Received> requests = venue.drain();
        assertEquals(1, requests.stream().filter(r -> r.method().equals("POST")).count(), "never resent");
        assertEquals(client.config().unknownStatusQueries(), requests.stream().filter(r -> r.method().equals("GET")).count());
    }

    @Test
    void shouldKeepTheOrderPendingAndQueryingWhileNoQueryIsAnsweredThenReportTheVenuesAnswer() throws Exception {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        entry = new BinanceOrderEntry(client, TestClientOrderIds.SESSION, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(RECEIVE_NS), errors);
        final int unanswered = client.config().unknownStatusQueries() + 2;
        final AtomicInteger queries = new AtomicInteger();
        final String unavailable = "{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}";
        venue.respond(request -> request.method().equals("POST") || queries.incrementAndGet() <= unanswered
            ? Reply.of(503, unavailable)
            : Reply.ok(NEW_LIMIT));

        entry.onCommand(limitBuy(42), 0, true);

        // Nothing is reported while the status is unknown, not even after the configured queries: the first
        // report is the venue's answer.
        final InboundEvent ack = sink.next();
        assertEquals(ExecType.ACK, ack.execType);
        assertEquals(22542179L, ack.venueOrderId);
        final List<FakeVenue.Received> requests = venue.drain();
        assertEquals(1, requests.stream().filter(r -> r.method().equals("POST")).count(), "never resent");
        assertEquals(unanswered + 1, requests.stream().filter(r -> r.method().equals("GET")).count());
        assertEquals(1, errors.count(ErrorKind.STAGE), "one alarm when the configured queries are spent");
    }

    @Test
    void shouldPublishCanceledWhenTheVenueConfirmsACancel() throws Exception {
        venue.respond(request -> Reply.ok(NEW_LIMIT.replace("\"status\":\"NEW\"", "\"status\":\"CANCELED\"")));
        final OrderCommand cancel = limitBuy(42);
        cancel.action = OrderAction.CANCEL;

        entry.onCommand(cancel, 0, true);

        final FakeVenue.Received request = venue.next();
        assertEquals("DELETE", request.method());
        assertEquals("rt-loyw3v2801a-42", request.params().get("origClientOrderId"));
        assertTrue(request.signatureValid());
        final InboundEvent canceled = sink.next();
        assertEquals(ExecType.CANCELED, canceled.execType);
        assertEquals(42, canceled.clientOrderId);
        assertEquals(22542179L, canceled.venueOrderId);
        assertEquals(0, canceled.leavesQty);
        assertFalse(canceled.execMaker);
    }

    @Test
    void shouldPublishARejectWhenACancelIsRefused() throws Exception {
        venue.respond(request -> Reply.of(400, "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}"));
        final OrderCommand cancel = limitBuy(48);
        cancel.action = OrderAction.CANCEL;

        entry.onCommand(cancel, 0, true);

        final InboundEvent reject = sink.next();
        assertEquals(ExecType.REJECT, reject.execType);
        assertEquals(-2011, reject.rejectCode);
    }
}
