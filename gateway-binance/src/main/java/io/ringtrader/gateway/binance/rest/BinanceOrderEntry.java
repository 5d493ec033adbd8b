package io.ringtrader.gateway.binance.rest;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.VenueStage;
import io.ringtrader.gateway.binance.user.ClientOrderIds;
import io.ringtrader.gateway.binance.user.ExecutionReport;
import io.ringtrader.gateway.binance.user.RequestedCancels;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.GatewayStatusTranslator;
import io.ringtrader.gateway.common.rest.RestException.Reason;
import io.ringtrader.gateway.common.rest.RestJson;
import io.ringtrader.gateway.common.rest.RestResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Binance venue stage: sends accepted order commands over REST and turns every outcome into an
 * {@code EXECUTION_REPORT} published through the injected {@link EventSink}.
 *
 * <p><b>Threading.</b> {@link #onCommand} runs on the outbound ring's venue thread: it copies the command's fields
 * into a small immutable ticket (one allocation per order; the HTTP request that follows allocates far more) and
 * hands it to the REST client's executor; it never blocks and never waits on the inbound ring. Reports are
 * published from REST executor threads, one at a time (under this object's lock), so the sink may wait for room:
 * give the order entry its own {@code RingEventSink} in {@code Mode.WAIT} over the inbound publisher (a sink's
 * counters belong to one producer) so no report is dropped; a report the sink refuses is counted
 * ({@link #publishFailures()}) and logged once.
 *
 * <p><b>What REST reports, and what the user stream reports</b> (no duplicates when the user-stream decoder runs
 * with {@code restReportsAcksAndCancels = true}):
 * <ul>
 *   <li>REST: {@link ExecType#ACK} for every order the venue accepted, whatever its status in the
 *       {@code RESULT} response (the ACK carries {@code cumFillQty} and {@code leavesQty}); {@link ExecType#REJECT}
 *       when the venue or the client refused it ({@code rejectCode} = the Binance error code, or one of the
 *       {@code REJECT_*} codes below for local refusals); {@link ExecType#CANCELED} for a cancel the venue confirmed;
 *       {@link ExecType#REJECT} with the order's {@code clientOrderId} when a cancel is refused (e.g. {@code -2011}).
 *       The venue refuses with HTTP 400 and its code, never records and never streams: a post-only (GTX) order that
 *       would take ({@code -5022}), a FOK order that cannot fill in full ({@code -5021}), a filter failure
 *       ({@code -4164} notional below the minimum, {@code -4005} quantity above the maximum, {@code -4016}/{@code -4024}
 *       price outside the band, ...) and insufficient margin ({@code -2019}): each is a REJECT with that code.</li>
 *   <li>User stream: every {@link ExecType#FILL} (trade id, fee, maker flag only exist there), venue-side expiry
 *       ({@code EXPIRED}: an IOC or MARKET remainder, self-trade prevention) as {@link ExecType#CANCELED}, and
 *       asynchronous rejects.</li>
 * </ul>
 *
 * <p><b>Venue rejects</b> carry the venue's code unchanged ({@code rejectCode}, negative for Binance; local refusals
 * use the {@code REJECT_*} codes 1..999, see {@link RejectCodes}); each distinct venue code is logged once, with the
 * venue's message. A refusal of our credentials or permissions ({@link #isCredentialsRefused}: -1002, -1022, -2014,
 * -2015) halts order entry at once for the session: one ERROR line, a {@link GatewayStatus#ORDER_ENTRY_HALTED}
 * status with the code, and every later command is rejected locally ({@link #REJECT_ORDER_ENTRY_HALTED}) without a
 * request.
 *
 * <p><b>Client order ids.</b> The command's {@code clientOrderId} (deterministic, the same in a replay) goes to the
 * venue as {@code rt-<tag>-<id>} with this gateway session's tag ({@link ClientOrderIds}); a command with a negative
 * id is rejected locally ({@link #REJECT_NOT_SENT}).
 *
 * <p><b>Unknown execution status.</b> A new order answered by HTTP 503 "unknown error" or lost in transport is
 * never resent: its status is resolved by querying it by {@code origClientOrderId}, with exponential back-off. The
 * true outcome is reported: ACK if the venue has the order, REJECT if it rejected it, REJECT with
 * {@link #ORDER_DOES_NOT_EXIST} if the venue still does not know it after {@code unknownStatusQueries} queries. An
 * unknown status is never reported as a reject: while no query is answered (the venue or the network down), the order
 * stays pending (neither acknowledged nor rejected: a strategy must not take it as gone) and is queried on at the
 * longest back-off until the venue answers; after {@code unknownStatusQueries} unanswered queries that is an ERROR
 * line and an error of kind {@link ErrorKind#STAGE}. Its fills and cancels still arrive on the user data stream meanwhile. A cancel whose
 * outcome is unknown is reported as refused ({@link #REJECT_STATUS_UNKNOWN}): the order is taken as still open until
 * the venue says otherwise.
 */
public final class BinanceOrderEntry implements VenueStage {
    /** Local reject: refused by the client's rate limits or during a 429 back-off; not sent. */
    public static final int REJECT_RATE_LIMITED = 429;
    /** Local reject: order entry is stopped after an IP ban (418). */
    public static final int REJECT_IP_BANNED = 418;
    /** Local reject: the venue said it is unavailable and did not execute the request (503). */
    public static final int REJECT_SERVICE_UNAVAILABLE = 503;
    /** A cancel whose outcome is unknown (HTTP 503 or lost in transport): the order is taken as still open. */
    public static final int REJECT_STATUS_UNKNOWN = 1;
    /** Local reject: the command could not be sent (unknown instrument, unsupported field, closed client...). */
    public static final int REJECT_NOT_SENT = 2;
    /** Local reject: order entry is halted (the venue refused our credentials or permissions); not sent. */
    public static final int REJECT_ORDER_ENTRY_HALTED = 100;
    /** The venue reports the order as REJECTED without an error code. */
    public static final int REJECT_BY_VENUE = ExecutionReport.REJECT_BY_VENUE;
    /** Binance: order does not exist. */
    public static final int ORDER_DOES_NOT_EXIST = -2013;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceOrderEntry.class);

    private final BinanceRestClient client;
    private final ClientOrderIds clientOrderIds;
    private final RequestedCancels requestedCancels;
    private final InstrumentRegistry instruments;
    private final EventSink sink;
    private final EpochNanoClock clock;
    private final DistinctErrorHandler errors;
    private final ExecutionReport report = new ExecutionReport();
    private final DecimalParser parser = new DecimalParser();
    private final AtomicLong commandsSent = new AtomicLong();
    private final AtomicLong commandsIgnored = new AtomicLong();
    private final AtomicLong reportsPublished = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong venueRejects = new AtomicLong();
    private final AtomicLong refusedWhileHalted = new AtomicLong();
    /** The venue code that halted order entry; 0 while it runs. */
    private final AtomicInteger haltCode = new AtomicInteger();
    /** Venue codes already logged (each distinct code once, with the venue's message). */
    private final Set<Integer> loggedCodes = ConcurrentHashMap.newKeySet();
    private final GatewayStatusTranslator status = new GatewayStatusTranslator(Venue.BINANCE_USDM.id());

    /**
     * @param client         the REST client (its executor runs the requests).
     * @param clientOrderIds this session's venue ids (shared with the user-stream decoder).
     * @param instruments    to resolve symbols and scales.
     * @param sink           where reports go; should wait when the ring is full (it is called on REST threads).
     * @param clock          stamps {@code receiveTimeNs} of reports.
     * @param errors         counts problems and logs each distinct one once.
     */
    public BinanceOrderEntry(final BinanceRestClient client, final ClientOrderIds clientOrderIds,
        final InstrumentRegistry instruments, final EventSink sink, final EpochNanoClock clock,
        final DistinctErrorHandler errors) {
        this(client, clientOrderIds, instruments, sink, clock, errors, new RequestedCancels());
    }

    /**
     * @param requestedCancels shared with the {@code UserStreamDecoder}: the cancels this order entry reports itself.
     */
    public BinanceOrderEntry(final BinanceRestClient client, final ClientOrderIds clientOrderIds,
        final InstrumentRegistry instruments, final EventSink sink, final EpochNanoClock clock,
        final DistinctErrorHandler errors, final RequestedCancels requestedCancels) {
        this.requestedCancels = requestedCancels;
        this.client = client;
        this.clientOrderIds = clientOrderIds;
        this.instruments = instruments;
        this.sink = sink;
        this.clock = clock;
        this.errors = errors;
    }

    /** The fields of one command, copied off the ring slot. */
    private record Ticket(OrderAction action, int instrumentId, long clientOrderId, OrderSide side, OrderType type,
                          TimeInForce timeInForce, long priceMantissa, long qtyMantissa, boolean reduceOnly) {
    }

    /** Venue thread: copies an accepted Binance command and hands it to the REST executor. Never blocks. */
    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        if (command.decision != RiskDecision.ACCEPTED || command.venueId != Venue.BINANCE_USDM.id()) {
            commandsIgnored.incrementAndGet();
            return;
        }
        final Ticket ticket = new Ticket(command.action, command.instrumentId, command.clientOrderId, command.side,
            command.type, command.timeInForce, command.priceMantissa, command.qtyMantissa, command.reduceOnly);
        try {
            client.executor().execute(() -> submit(ticket));
        } catch (final RuntimeException e) {
            errors.onError(ErrorKind.STAGE, "binance order entry", e);
        }
    }

    private void submit(final Ticket ticket) {
        final Instrument instrument = ticket.instrumentId() >= 0 && ticket.instrumentId() < instruments.count()
            ? instruments.byId(ticket.instrumentId()) : null;
        if (instrument == null || instrument.venue() != Venue.BINANCE_USDM || ticket.action() == null
            || ticket.clientOrderId() < 0
            || (ticket.action() == OrderAction.NEW && (ticket.side() == null || ticket.type() == null
            || (ticket.type() == OrderType.LIMIT && ticket.timeInForce() == null)))) {
            errors.onProblem(ErrorKind.STAGE, "binance order entry: command with unknown instrument, missing fields or "
                + "a negative client order id, rejected locally");
            reject(ticket, REJECT_NOT_SENT);
            return;
        }
        if (haltCode.get() != 0) {
            refusedWhileHalted.incrementAndGet();
            errors.onProblem(ErrorKind.STAGE, "binance order entry: command refused locally, order entry is halted "
                + "(the venue refused our credentials)");
            reject(ticket, REJECT_ORDER_ENTRY_HALTED);
            return;
        }
        commandsSent.incrementAndGet();
        final String venueId = clientOrderIds.format(ticket.clientOrderId());
        if (ticket.action() == OrderAction.CANCEL) {
            requestedCancels.add(ticket.clientOrderId());
            client.cancelOrder(instrument.symbol(), venueId).whenComplete((response, error) -> {
                if (error == null) {
                    publishOrder(ExecType.CANCELED, ticket, instrument, response);
                } else {
                    requestedCancels.remove(ticket.clientOrderId());
                    refused(ticket, venueId, BinanceRestException.of(error), error);
                }
            });
            return;
        }
        client.newOrder(instrument, venueId, ticket.side(), ticket.type(), ticket.timeInForce(),
            ticket.priceMantissa(), ticket.qtyMantissa(), ticket.reduceOnly()).whenComplete((response, error) -> {
                if (error == null) {
                    onOrderResult(ticket, instrument, response);
                    return;
                }
                final BinanceRestException rest = BinanceRestException.of(error);
                if (rest != null && (rest.reason() == Reason.UNKNOWN_EXECUTION_STATUS || rest.reason() == Reason.TRANSPORT)) {
                    LOG.warn("binance order entry: order {} has an unknown execution status ({}); not resending, querying it",
                        venueId, rest.getMessage());
                    resolve(ticket, venueId, instrument, 0, rest);
                } else {
                    refused(ticket, venueId, rest, error);
                }
            });
    }

    /**
     * Queries an order whose outcome is unknown until the venue answers, then reports the true outcome; see the class
     * comment.
     *
     * @param attempt queries made so far.
     * @param last    why the last one failed (the unknown outcome of the order itself for the first).
     */
    private void resolve(final Ticket ticket, final String venueId, final Instrument instrument, final int attempt,
        final BinanceRestException last) {
        final int attempts = client.config().unknownStatusQueries();
        if (attempt >= attempts && last != null && last.code() == ORDER_DOES_NOT_EXIST) {
            reject(ticket, ORDER_DOES_NOT_EXIST);
            return;
        }
        final long delayMs = client.config().unknownStatusBackoff().toMillis() << Math.min(attempt, attempts - 1);
        if (attempt == attempts) {
            final String message = "binance order entry: status of order " + venueId + " still unknown after "
                + attempts + " queries (" + (last == null ? "no answer" : last.getMessage()) + "); it stays pending, "
                + "queried every " + delayMs + " ms until the venue answers";
            LOG.error(message);
            errors.onProblem(ErrorKind.STAGE, "binance order entry: order status still unknown, order left pending");
        }
        try {
            client.scheduler().schedule(() -> client.queryOrder(instrument.symbol(), venueId)
                .whenComplete((response, error) -> {
                    if (error == null) {
                        onOrderResult(ticket, instrument, response);
                    } else {
                        final BinanceRestException rest = BinanceRestException.of(error);
                        resolve(ticket, venueId, instrument, attempt + 1, rest);
                    }
                }), delayMs, TimeUnit.MILLISECONDS);
        } catch (final RuntimeException e) {
            // The client is closed: the session is ending with this order's status unknown.
            LOG.error("binance order entry: status of order {} unknown and no longer queried ({}); reconcile with the venue",
                venueId, e.toString());
            errors.onError(ErrorKind.STAGE, "binance order entry: order status query", e);
        }
    }

    /**
     * A request the venue or the client refused: reports the reject. A venue code is counted and logged once per
     * distinct code with the venue's message; a refusal of our credentials or permissions
     * ({@link #isCredentialsRefused}) halts order entry.
     */
    private void refused(final Ticket ticket, final String venueId, final BinanceRestException rest,
        final Throwable error) {
        final int code = rejectCode(rest, error);
        if (RejectCodes.isVenueReject(code)) {
            venueRejects.incrementAndGet();
            if (!isCredentialsRefused(code)) {
                logOnce(code, requestText(ticket, venueId), rest == null ? null : rest.venueMessage());
            }
        }
        reject(ticket, code);
        if (isCredentialsRefused(code)) {
            halt(code, requestText(ticket, venueId), rest == null ? null : rest.venueMessage());
        }
    }

    /**
     * Binance's answers that our credentials or permissions are refused, so no later order can succeed either:
     * {@code -1002} unauthorized, {@code -1022} signature not valid (a wrong secret), {@code -2014} API-key format
     * invalid, {@code -2015} invalid API-key, IP, or permissions for action.
     */
    public static boolean isCredentialsRefused(final int code) {
        return code == -1002 || code == -1022 || code == -2014 || code == -2015;
    }

    /**
     * Halts order entry for the rest of the session, once: one ERROR line naming the venue, code and message, and a
     * {@link GatewayStatus#ORDER_ENTRY_HALTED} status (detail = the code) after the order's reject, so the risk
     * stage refuses the venue's commands from there on ({@code VENUE_HALTED}); commands already past risk are
     * refused here without a request ({@link #REJECT_ORDER_ENTRY_HALTED}).
     */
    private void halt(final int code, final String request, final String venueMessage) {
        if (!haltCode.compareAndSet(0, code)) {
            return;
        }
        loggedCodes.add(code);
        LOG.error("binance: order entry HALTED: the venue refused our credentials or permissions, code {} \"{}\" "
            + "({}); no order or cancel is sent for the rest of the session (each is rejected locally, code {}); "
            + "check venues.binance.apiKey and apiSecret, and the key's permissions and IP restrictions", code,
            venueMessage == null ? "no message" : venueMessage, request, REJECT_ORDER_ENTRY_HALTED);
        publishHalt(code);
    }

    private synchronized void publishHalt(final int code) {
        if (!status.publish(sink, -1, GatewayStatus.ORDER_ENTRY_HALTED, code, clock.nanoTime())) {
            publishFailures.incrementAndGet();
            errors.onProblem(ErrorKind.RING_FULL, "binance order entry: ORDER_ENTRY_HALTED status not published");
        }
    }

    /** Logs a venue reject code the first time it is seen, with the venue's own words; later ones are only counted. */
    private void logOnce(final int code, final String request, final String venueMessage) {
        if (loggedCodes.add(code)) {
            LOG.warn("binance: the venue rejected {} with code {} \"{}\" (logged once per code; every venue reject "
                + "is counted by code in the status line and JMX)", request, code,
                venueMessage == null ? "no message" : venueMessage);
        }
    }

    /** {@code order rt-...} or {@code the cancel of order rt-...}, for log lines. */
    private static String requestText(final Ticket ticket, final String venueId) {
        return (ticket.action() == OrderAction.CANCEL ? "the cancel of order " : "order ") + venueId;
    }

    /** An order response (new order RESULT or query): ACK if the venue has the order, REJECT if it rejected it. */
    private void onOrderResult(final Ticket ticket, final Instrument instrument, final RestResponse response) {
        final String status = response.stringField("status");
        if ("REJECTED".equals(status)) {
            venueRejects.incrementAndGet();
            logOnce(REJECT_BY_VENUE, "order " + clientOrderIds.format(ticket.clientOrderId()), "order status REJECTED, no code");
            reject(ticket, REJECT_BY_VENUE);
            return;
        }
        publishOrder(ExecType.ACK, ticket, instrument, response);
    }

    private synchronized void publishOrder(final ExecType type, final Ticket ticket, final Instrument instrument,
        final RestResponse response) {
        report.clear();
        report.execType = type;
        report.instrumentId = ticket.instrumentId();
        report.clientOrderId = ticket.clientOrderId();
        report.receiveTimeNs = clock.nanoTime();
        final long orderId = response.longField("orderId");
        report.venueOrderId = orderId == RestJson.ABSENT ? InboundEvent.NONE : orderId;
        final long updateTime = response.longField("updateTime");
        report.exchangeTimeNs = updateTime == RestJson.ABSENT ? InboundEvent.NONE : updateTime * 1_000_000L;
        final String side = response.stringField("side");
        report.side = "SELL".equals(side) ? OrderSide.SELL : "BUY".equals(side) ? OrderSide.BUY : ticket.side();
        final long price = decimal(response.stringField("price"), instrument.priceScale());
        report.price = price == 0 ? InboundEvent.NONE : price;
        final long qty = decimal(response.stringField("origQty"), instrument.qtyScale());
        final long executed = decimal(response.stringField("executedQty"), instrument.qtyScale());
        report.qty = qty;
        report.cumFillQty = executed == InboundEvent.NONE ? 0 : executed;
        final boolean open = type == ExecType.ACK && isOpen(response.stringField("status"));
        report.leavesQty = open && qty != InboundEvent.NONE ? qty - report.cumFillQty : 0;
        publish();
    }

    private static boolean isOpen(final String status) {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    private synchronized void reject(final Ticket ticket, final int code) {
        report.clear();
        report.execType = ExecType.REJECT;
        report.instrumentId = ticket.instrumentId();
        report.clientOrderId = ticket.clientOrderId();
        report.receiveTimeNs = clock.nanoTime();
        report.side = ticket.side();
        report.price = ticket.type() == OrderType.LIMIT ? ticket.priceMantissa() : InboundEvent.NONE;
        report.qty = ticket.qtyMantissa();
        report.rejectCode = code;
        publish();
    }

    private void publish() {
        if (sink.publish(ExecutionReport.TRANSLATOR, report)) {
            reportsPublished.incrementAndGet();
        } else {
            publishFailures.incrementAndGet();
            errors.onProblem(ErrorKind.RING_FULL, "binance order entry: execution report not published");
        }
    }

    private long decimal(final String text, final int scale) {
        if (text == null || parser.parse(text, scale, false) != ParseStatus.OK) {
            return InboundEvent.NONE;
        }
        return parser.value();
    }

    private static int rejectCode(final BinanceRestException rest, final Throwable error) {
        if (rest == null) {
            LOG.error("binance order entry: request failed unexpectedly", error);
            return REJECT_NOT_SENT;
        }
        if (rest.reason() == Reason.IP_BANNED) {
            return REJECT_IP_BANNED;
        }
        if (rest.reason() == Reason.RATE_LIMITED || rest.reason() == Reason.BACKING_OFF) {
            return REJECT_RATE_LIMITED;
        }
        if (rest.code() != 0) {
            return rest.code();
        }
        return switch (rest.reason()) {
            case RATE_LIMITED, BACKING_OFF -> REJECT_RATE_LIMITED;
            case IP_BANNED -> REJECT_IP_BANNED;
            case SERVICE_UNAVAILABLE -> REJECT_SERVICE_UNAVAILABLE;
            case UNKNOWN_EXECUTION_STATUS, TRANSPORT -> REJECT_STATUS_UNKNOWN;
            default -> REJECT_NOT_SENT;
        };
    }

    /** Commands handed to REST. */
    public long commandsSent() {
        return commandsSent.get();
    }

    /** Commands skipped: not accepted by risk, or for another venue. */
    public long commandsIgnored() {
        return commandsIgnored.get();
    }

    /** Reports published. */
    public long reportsPublished() {
        return reportsPublished.get();
    }

    /** Reports the sink refused. */
    public long publishFailures() {
        return publishFailures.get();
    }

    /** Requests the venue answered with one of its own reject codes. */
    public long venueRejects() {
        return venueRejects.get();
    }

    /** True once order entry halted (the venue refused our credentials or permissions). */
    public boolean isHalted() {
        return haltCode.get() != 0;
    }

    /** The venue code that halted order entry; 0 while it runs. */
    public int haltCode() {
        return haltCode.get();
    }

    /** Commands refused locally because order entry had halted (no request sent). */
    public long refusedWhileHalted() {
        return refusedWhileHalted.get();
    }
}
