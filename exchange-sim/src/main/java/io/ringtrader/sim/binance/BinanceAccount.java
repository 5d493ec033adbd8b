package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrader.sim.L2Book.Side;
import io.ringtrader.sim.SimClock;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceMarket.SymbolMarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The simulated trading account: orders, matching against the sim book, one-way positions per symbol, USDT wallet
 * and the user-data events every transition produces. Guarded by the market lock; entry points take it.
 *
 * <p>A new order passes, in this order, the parameter checks, the symbol's filters ({@link OrderFilterChecks}),
 * reduce-only (-2022), the client order id rules, the margin check (-2019) and the time-in-force rules of the matching
 * engine: a post-only (GTX) order that would take liquidity is refused with HTTP 400 -5022 and a FOK order that cannot
 * fill in full with -5021; such an order is not recorded (no order id, no user-data event), as on the venue.
 *
 * <p>Margin (one-way, cross, one leverage for every symbol), as Binance computes the cost of a new order ("How to
 * Calculate Cost Required to Open a Position in Perpetual Futures Contracts"): cost = initial margin + open loss, with
 * initial margin = opening quantity × price / leverage and open loss = opening quantity × max(0, BUY: price − mark,
 * SELL: mark − price); the price is the limit price (a SELL: at least the mark), for a MARKET order the best opposite
 * price; the opening quantity is what the order adds to the position (an order against the position needs margin only
 * for what exceeds it; reduce-only: none). The order is refused when its cost exceeds the available balance: wallet +
 * unrealized PnL − the positions' initial margin (|position| × mark / leverage) − what open orders hold (their cost pro
 * rata of their unfilled quantity). No leverage brackets, maintenance margin or liquidation.
 *
 * <p>Matching: a MARKET order walks the opposite side; a marketable LIMIT fills what crosses (taker, consuming the
 * book levels, which emits a depth diff and aggTrades); IOC expires the rest; the rest of a GTC or GTX rests and fills
 * as maker at its own price when a later book crosses it or a trade prints through it.
 */
public final class BinanceAccount implements BinanceMarket.MarketListener {
    private static final String ASSET = "USDT";
    private static final int MONEY_SCALE = 8;

    private final BinanceMarket market;
    private final UserDataStreams userStreams;
    private final SimClock clock;
    private final ObjectMapper mapper;
    private final BigDecimal makerRate;
    private final BigDecimal takerRate;
    private final BigDecimal leverage;
    private final Map<Long, SimOrder> orders = new HashMap<>();
    private final List<SimOrder> openOrders = new ArrayList<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private BigDecimal walletBalance;
    private long nextOrderId = 8_389_765_500L;
    private long nextTradeId = 1;

    BinanceAccount(final BinanceMarket market, final UserDataStreams userStreams, final BinanceSimConfig config,
                   final ObjectMapper mapper) {
        this.market = market;
        this.userStreams = userStreams;
        this.clock = config.clock();
        this.mapper = mapper;
        this.makerRate = config.makerRate();
        this.takerRate = config.takerRate();
        this.leverage = BigDecimal.valueOf(config.leverage());
        this.walletBalance = config.startingBalance();
        for (final SimSymbol s : config.symbols()) {
            positions.put(s.name(), new Position());
        }
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /**
     * Validates and places an order, matching it at once; returns it in its state after matching. A refused order
     * throws {@link BinanceApiException} (the venue's code) and leaves no trace.
     */
    SimOrder place(final Map<String, String> p) {
        synchronized (market.lock()) {
            final SimSymbol s = symbolParam(p);
            final String side = required(p, "side");
            if (!"BUY".equals(side) && !"SELL".equals(side)) {
                throw BinanceApiException.badRequest(-1117, "Invalid side.");
            }
            final String type = required(p, "type");
            if (!"LIMIT".equals(type) && !"MARKET".equals(type)) {
                throw BinanceApiException.badRequest(-1116, "Invalid orderType.");
            }
            final BigDecimal qty = decimal(p, "quantity");
            if (qty.signum() <= 0) {
                throw BinanceApiException.badRequest(-4003, "Quantity less than or equal to zero.");
            }
            if (qty.stripTrailingZeros().scale() > s.qtyDecimals()) {
                throw BinanceApiException.badRequest(-1111, "Precision is over the maximum defined for this asset.");
            }
            if (!s.onStep(qty)) {
                throw BinanceApiException.badRequest(-4023, "Qty not increased by step size.");
            }
            BigDecimal price = null;
            String tif = "GTC";
            if ("LIMIT".equals(type)) {
                price = decimal(p, "price");
                tif = required(p, "timeInForce");
                if (price.signum() <= 0) {
                    throw BinanceApiException.badRequest(-4001, "Price less than 0.");
                }
                if (price.stripTrailingZeros().scale() > s.priceDecimals()) {
                    throw BinanceApiException.badRequest(-1111,
                        "Precision is over the maximum defined for this asset.");
                }
                if (!s.onTick(price)) {
                    throw BinanceApiException.badRequest(-4014, "Price not increased by tick size.");
                }
                if (!"GTC".equals(tif) && !"IOC".equals(tif) && !"FOK".equals(tif) && !"GTX".equals(tif)) {
                    throw BinanceApiException.badRequest(-1115, "Invalid timeInForce.");
                }
            }
            final boolean buy = "BUY".equals(side);
            final boolean reduceOnly = "true".equalsIgnoreCase(p.get("reduceOnly"));
            final SymbolMarket m = market.state(s.name());
            final BigDecimal mark = m.referencePrice();
            final Map.Entry<BigDecimal, BigDecimal> best = m.book.best(buy ? Side.ASK : Side.BID);
            final BigDecimal bestOpposite = best == null ? null : best.getKey();
            OrderFilterChecks.check(s, buy, qty, price, reduceOnly, mark, bestOpposite);
            final Position pos = positions.get(s.name());
            if (reduceOnly && (pos.amt.signum() == 0 || (pos.amt.signum() > 0) == buy)) {
                throw BinanceApiException.badRequest(-2022, "ReduceOnly Order is rejected.");
            }
            String clientId = p.get("newClientOrderId");
            if (clientId == null || clientId.isEmpty()) {
                clientId = "sim" + Long.toString(nextOrderId + 1, 36);
            } else if (!clientId.matches("[.A-Z:/a-z0-9_-]{1,36}")) {
                throw BinanceApiException.badRequest(-4015, "Client order id is not valid.");
            } else {
                for (final SimOrder o : openOrders) {
                    if (o.clientOrderId.equals(clientId)) {
                        throw BinanceApiException.badRequest(-4116, "ClientOrderId is duplicated.");
                    }
                }
            }
            final BigDecimal cost = cost(pos, buy, qty, price != null ? price : bestOpposite != null ? bestOpposite
                : mark, mark, reduceOnly);
            if (cost.compareTo(availableBalance()) > 0) {
                throw BinanceApiException.badRequest(-2019, "Margin is insufficient.");
            }
            final BigDecimal crossing = crossingQty(m, buy, price);
            if ("GTX".equals(tif) && crossing.signum() > 0) {
                throw BinanceApiException.badRequest(-5022,
                    "Due to the order could not be executed as maker, the Post Only order will be rejected.");
            }
            if ("FOK".equals(tif) && crossing.compareTo(qty) < 0) {
                throw BinanceApiException.badRequest(-5021,
                    "Due to the order could not be filled immediately, the FOK order has been rejected.");
            }
            final long now = clock.epochMillis();
            final SimOrder o = new SimOrder(++nextOrderId, clientId, s, buy, type, tif, qty, price, reduceOnly, now);
            o.reservedMargin = cost;
            orders.put(o.orderId, o);
            openOrders.add(o); // the NEW event's bid/ask notional counts the order itself
            orderUpdate(o, "NEW", null, null, false, BigDecimal.ZERO, now);
            matchTaker(m, o, now);
            return o;
        }
    }

    /** What of the opposite side a new order would take at once (all of it for a MARKET order). */
    private static BigDecimal crossingQty(final SymbolMarket m, final boolean buy, final BigDecimal price) {
        BigDecimal crossing = BigDecimal.ZERO;
        for (final Map.Entry<BigDecimal, BigDecimal> l : m.book.levels(buy ? Side.ASK : Side.BID).entrySet()) {
            if (price != null && (buy ? l.getKey().compareTo(price) > 0 : l.getKey().compareTo(price) < 0)) {
                break;
            }
            crossing = crossing.add(l.getValue());
        }
        return crossing;
    }

    /**
     * The cost of a new order (see the class comment): initial margin plus open loss of the quantity it adds to the
     * position; zero when it only reduces the position or cannot be priced (no price, no book, no mark).
     */
    private BigDecimal cost(final Position pos, final boolean buy, final BigDecimal qty, final BigDecimal price,
                            final BigDecimal mark, final boolean reduceOnly) {
        final boolean against = pos.amt.signum() != 0 && (pos.amt.signum() > 0) != buy;
        final BigDecimal opening = reduceOnly ? BigDecimal.ZERO
            : against ? qty.subtract(pos.amt.abs()).max(BigDecimal.ZERO) : qty;
        if (opening.signum() == 0 || price == null) {
            return BigDecimal.ZERO;
        }
        final BigDecimal assumed = !buy && mark != null ? price.max(mark) : price;
        final BigDecimal initial = opening.multiply(assumed).divide(leverage, MONEY_SCALE, RoundingMode.HALF_UP);
        final BigDecimal openLoss = mark == null ? BigDecimal.ZERO
            : opening.multiply((buy ? price.subtract(mark) : mark.subtract(price)).max(BigDecimal.ZERO));
        return initial.add(openLoss);
    }

    /** Wallet + unrealized PnL − the positions' initial margin − the margin open orders hold; the caller holds the lock. */
    private BigDecimal availableBalance() {
        BigDecimal available = walletBalance;
        for (final SimSymbol s : market.symbols()) {
            final Position pos = positions.get(s.name());
            available = available.add(unrealized(s, pos)).subtract(positionMargin(s, pos));
        }
        for (final SimOrder o : openOrders) {
            available = available.subtract(o.heldMargin());
        }
        return available;
    }

    /** |position| × mark / leverage (the entry price before any mark). */
    private BigDecimal positionMargin(final SimSymbol s, final Position pos) {
        if (pos.amt.signum() == 0) {
            return BigDecimal.ZERO;
        }
        final BigDecimal ref = market.state(s.name()).referencePrice();
        return pos.amt.abs().multiply(ref == null ? pos.entry : ref).divide(leverage, MONEY_SCALE,
            RoundingMode.HALF_UP);
    }

    private BigDecimal openOrderMargin(final SimSymbol s) {
        BigDecimal held = BigDecimal.ZERO;
        for (final SimOrder o : openOrders) {
            if (o.symbol == s) {
                held = held.add(o.heldMargin());
            }
        }
        return held;
    }

    /** The order's JSON as placed (ACK) is built by the caller before matching; this gives the current state. */
    SimOrder query(final Map<String, String> p) {
        synchronized (market.lock()) {
            final SimOrder o = find(p);
            if (o == null) {
                throw BinanceApiException.badRequest(-2013, "Order does not exist.");
            }
            return o;
        }
    }

    /** Cancels an open order (by orderId or origClientOrderId). */
    SimOrder cancel(final Map<String, String> p) {
        synchronized (market.lock()) {
            final SimOrder o = find(p);
            if (o == null || !o.isOpen()) {
                throw BinanceApiException.badRequest(-2011, "Unknown order sent.");
            }
            finish(o, "CANCELED", clock.epochMillis());
            return o;
        }
    }

    /** Cancels every open order of the request's symbol; returns how many. */
    int cancelAll(final Map<String, String> p) {
        synchronized (market.lock()) {
            final SimSymbol s = symbolParam(p);
            final long now = clock.epochMillis();
            int n = 0;
            for (final SimOrder o : new ArrayList<>(openOrders)) {
                if (o.symbol == s) {
                    finish(o, "CANCELED", now);
                    n++;
                }
            }
            return n;
        }
    }

    private SimOrder find(final Map<String, String> p) {
        final SimSymbol s = symbolParam(p);
        final String id = p.get("orderId");
        final String clientId = p.get("origClientOrderId");
        if ((id == null || id.isEmpty()) && (clientId == null || clientId.isEmpty())) {
            throw BinanceApiException.badRequest(-1102,
                "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        if (id != null && !id.isEmpty()) {
            final SimOrder o;
            try {
                o = orders.get(Long.parseLong(id));
            } catch (final NumberFormatException e) {
                throw BinanceApiException.mandatory("orderId");
            }
            return o != null && o.symbol == s ? o : null;
        }
        SimOrder found = null;
        for (final SimOrder o : orders.values()) {
            if (o.symbol == s && o.clientOrderId.equals(clientId)
                && (found == null || o.orderId > found.orderId)) {
                found = o;
            }
        }
        return found;
    }

    SimSymbol symbolParam(final Map<String, String> p) {
        final String name = required(p, "symbol");
        final SimSymbol s = market.symbol(name);
        if (s == null || !s.name().equals(name.toUpperCase(Locale.ROOT))) {
            throw BinanceApiException.badRequest(-1121, "Invalid symbol.");
        }
        return s;
    }

    static String required(final Map<String, String> p, final String name) {
        final String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw BinanceApiException.mandatory(name);
        }
        return v;
    }

    private static BigDecimal decimal(final Map<String, String> p, final String name) {
        try {
            return new BigDecimal(required(p, name));
        } catch (final NumberFormatException e) {
            throw BinanceApiException.badRequest(-1100, "Illegal characters found in parameter '" + name
                + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }

    // ---- matching ----------------------------------------------------------------------------------------------

    /** Fills what a just placed (open) order takes; a MARKET or IOC rest expires, a GTC/GTX rest stays open. */
    private void matchTaker(final SymbolMarket m, final SimOrder o, final long now) {
        final NavigableMap<BigDecimal, BigDecimal> opposite = m.book.levels(o.buy ? Side.ASK : Side.BID);
        final List<BigDecimal[]> changes = new ArrayList<>();
        final List<BigDecimal[]> fills = new ArrayList<>();
        for (final Map.Entry<BigDecimal, BigDecimal> l : opposite.entrySet()) {
            if (o.remaining().signum() == 0 || !crosses(o, l.getKey())) {
                break;
            }
            final BigDecimal q = o.remaining().min(l.getValue());
            changes.add(new BigDecimal[] {l.getKey(), l.getValue().subtract(q)});
            fills.add(new BigDecimal[] {l.getKey(), q});
            fill(o, l.getKey(), q, false, now);
        }
        if (!changes.isEmpty()) {
            for (final BigDecimal[] f : fills) {
                market.emitTrade(m, f[0], f[1], !o.buy, now);
            }
            market.applyDiff(m, o.buy ? List.of() : changes, o.buy ? changes : List.of(), now);
        }
        if (o.remaining().signum() > 0 && ("MARKET".equals(o.type) || "IOC".equals(o.timeInForce))) {
            finish(o, "EXPIRED", now);
        }
    }

    private static boolean crosses(final SimOrder o, final BigDecimal levelPrice) {
        if (o.price == null) {
            return true;
        }
        return o.buy ? levelPrice.compareTo(o.price) <= 0 : levelPrice.compareTo(o.price) >= 0;
    }

    @Override
    public void onBookChanged(final SymbolMarket m) {
        if (openOrders.isEmpty()) {
            return;
        }
        final long now = clock.epochMillis();
        BigDecimal askAvail = null;
        BigDecimal bidAvail = null;
        for (final SimOrder o : new ArrayList<>(openOrders)) {
            if (o.symbol != m.symbol) {
                continue;
            }
            final NavigableMap<BigDecimal, BigDecimal> opposite = m.book.levels(o.buy ? Side.ASK : Side.BID);
            BigDecimal avail = BigDecimal.ZERO;
            for (final Map.Entry<BigDecimal, BigDecimal> l : opposite.entrySet()) {
                if (!crosses(o, l.getKey())) {
                    break;
                }
                avail = avail.add(l.getValue());
            }
            // orders on one side share the crossing liquidity, oldest first
            final BigDecimal used = o.buy ? (askAvail == null ? BigDecimal.ZERO : askAvail)
                : (bidAvail == null ? BigDecimal.ZERO : bidAvail);
            final BigDecimal q = o.remaining().min(avail.subtract(used).max(BigDecimal.ZERO));
            if (q.signum() > 0) {
                fill(o, o.price, q, true, now);
                if (o.buy) {
                    askAvail = used.add(q);
                } else {
                    bidAvail = used.add(q);
                }
            }
        }
    }

    @Override
    public void onTrade(final SymbolMarket m, final BigDecimal price, final BigDecimal qty) {
        final long now = clock.epochMillis();
        BigDecimal left = qty;
        for (final SimOrder o : new ArrayList<>(openOrders)) {
            if (o.symbol != m.symbol || left.signum() <= 0) {
                continue;
            }
            final boolean through = o.buy ? price.compareTo(o.price) < 0 : price.compareTo(o.price) > 0;
            if (through) {
                final BigDecimal q = o.remaining().min(left);
                left = left.subtract(q);
                fill(o, o.price, q, true, now);
            }
        }
    }

    private void fill(final SimOrder o, final BigDecimal price, final BigDecimal qty, final boolean maker,
                      final long now) {
        o.executedQty = o.executedQty.add(qty);
        o.cumQuote = o.cumQuote.add(price.multiply(qty));
        o.status = o.remaining().signum() == 0 ? "FILLED" : "PARTIALLY_FILLED";
        o.updateTimeMs = now;
        if (!o.isOpen()) {
            openOrders.remove(o);
        }
        final BigDecimal commission = price.multiply(qty).multiply(maker ? makerRate : takerRate)
            .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        final Position pos = positions.get(o.symbol.name());
        final BigDecimal realized = pos.apply(o.buy ? qty : qty.negate(), price);
        walletBalance = walletBalance.add(realized).subtract(commission);
        orderUpdate(o, "TRADE", price, qty, maker, realized, now, commission, nextTradeId++);
        accountUpdate(o.symbol, pos, now);
    }

    private void finish(final SimOrder o, final String status, final long now) {
        o.status = status;
        o.updateTimeMs = now;
        openOrders.remove(o);
        orderUpdate(o, status, null, null, false, BigDecimal.ZERO, now);
    }

    // ---- events --------------------------------------------------------------------------------------------------

    private void orderUpdate(final SimOrder o, final String execType, final BigDecimal lastPrice,
                             final BigDecimal lastQty, final boolean maker, final BigDecimal realized, final long now) {
        orderUpdate(o, execType, lastPrice, lastQty, maker, realized, now, BigDecimal.ZERO, 0);
    }

    private void orderUpdate(final SimOrder o, final String execType, final BigDecimal lastPrice,
                             final BigDecimal lastQty, final boolean maker, final BigDecimal realized, final long now,
                             final BigDecimal commission, final long tradeId) {
        final SimSymbol s = o.symbol;
        final ObjectNode e = mapper.createObjectNode();
        e.put("e", "ORDER_TRADE_UPDATE").put("E", now).put("T", now);
        final ObjectNode x = e.putObject("o");
        x.put("s", s.name()).put("c", o.clientOrderId).put("S", o.side()).put("o", o.type).put("f", o.timeInForce)
            .put("q", s.formatQty(o.origQty)).put("p", s.formatOrderPrice(o.price))
            .put("ap", o.executedQty.signum() == 0 ? "0" : restAvgPrice(o)).put("sp", "0").put("x", execType)
            .put("X", o.status).put("i", o.orderId)
            .put("l", s.formatOrderQty(lastQty == null ? BigDecimal.ZERO : lastQty))
            .put("z", s.formatOrderQty(o.executedQty)).put("L", s.formatOrderPrice(lastPrice))
            .put("N", ASSET).put("n", plain(commission)).put("T", now).put("t", tradeId)
            .put("b", plain(openNotional(s, true))).put("a", plain(openNotional(s, false))).put("m", maker)
            .put("R", o.reduceOnly).put("wt", "CONTRACT_PRICE").put("ot", o.type).put("ps", "BOTH")
            .put("cp", false).put("rp", plain(realized)).put("pP", false).put("si", 0).put("ss", 0)
            .put("V", "EXPIRE_MAKER").put("pm", "NONE").put("gtd", 0);
        userStreams.publish(e.toString());
    }

    private void accountUpdate(final SimSymbol s, final Position pos, final long now) {
        final ObjectNode e = mapper.createObjectNode();
        e.put("e", "ACCOUNT_UPDATE").put("E", now).put("T", now);
        final ObjectNode a = e.putObject("a");
        a.put("m", "ORDER");
        a.putArray("B").addObject().put("a", ASSET).put("wb", money(walletBalance)).put("cw", money(walletBalance))
            .put("bc", "0");
        a.putArray("P").addObject().put("s", s.name()).put("pa", s.formatQty(pos.amt))
            .put("ep", pos.entry.toPlainString()).put("bep", pos.entry.toPlainString())
            .put("cr", money(pos.realized)).put("up", money(unrealized(s, pos))).put("mt", "cross")
            .put("iw", "0").put("ps", "BOTH");
        userStreams.publish(e.toString());
    }

    /** The price × unfilled quantity of the open LIMIT orders of one side. */
    private BigDecimal openNotional(final SimSymbol s, final boolean buy) {
        BigDecimal n = BigDecimal.ZERO;
        for (final SimOrder o : openOrders) {
            if (o.symbol == s && o.buy == buy && o.price != null) {
                n = n.add(o.price.multiply(o.remaining()));
            }
        }
        return n;
    }

    private BigDecimal unrealized(final SimSymbol s, final Position pos) {
        final BigDecimal ref = market.state(s.name()).referencePrice();
        if (ref == null || pos.amt.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return ref.subtract(pos.entry).multiply(pos.amt);
    }

    /** A wallet amount: 8 decimals, as balances are written. */
    private static String money(final BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An amount of an order event (commission, notional, realized profit): {@code "0"} when none, else exact. */
    private static String plain(final BigDecimal v) {
        return v.signum() == 0 ? "0" : v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** REST {@code avgPrice}: at the price decimals + 3 even before a fill ({@code "0.00000"}, as documented). */
    private static String restAvgPrice(final SimOrder o) {
        return o.avgPrice().setScale(o.symbol.priceDecimals() + 3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** REST {@code cumQuote}: {@code "0"} before a fill, else price × quantity exactly. */
    private static String cumQuote(final SimOrder o) {
        return o.cumQuote.signum() == 0 ? "0"
            : o.cumQuote.setScale(o.symbol.priceDecimals() + o.symbol.qtyDecimals(), RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    // ---- JSON answers --------------------------------------------------------------------------------------------

    /**
     * The order as the REST API returns it. {@code withTime}: the query and open-orders answers carry the order's
     * {@code time}; the new-order and cancel answers do not (as documented).
     */
    ObjectNode orderJson(final SimOrder o, final boolean withTime) {
        synchronized (market.lock()) {
            final SimSymbol s = o.symbol;
            final ObjectNode n = mapper.createObjectNode();
            n.put("orderId", o.orderId).put("symbol", s.name()).put("status", o.status)
                .put("clientOrderId", o.clientOrderId).put("price", s.formatOrderPrice(o.price))
                .put("avgPrice", restAvgPrice(o)).put("origQty", s.formatQty(o.origQty))
                .put("executedQty", s.formatOrderQty(o.executedQty)).put("cumQty", s.formatOrderQty(o.executedQty))
                .put("cumQuote", cumQuote(o)).put("timeInForce", o.timeInForce).put("type", o.type)
                .put("reduceOnly", o.reduceOnly).put("closePosition", false).put("side", o.side())
                .put("positionSide", "BOTH").put("stopPrice", "0").put("workingType", "CONTRACT_PRICE")
                .put("priceProtect", false).put("origType", o.type).put("priceMatch", "NONE")
                .put("selfTradePreventionMode", "EXPIRE_MAKER").put("goodTillDate", 0);
            if (withTime) {
                n.put("time", o.timeMs);
            }
            n.put("updateTime", o.updateTimeMs);
            return n;
        }
    }

    /** A snapshot of an order as it was when accepted (the ACK answer): NEW, nothing filled. */
    ObjectNode ackJson(final SimOrder o) {
        final ObjectNode n = orderJson(o, false);
        n.put("status", "NEW").put("executedQty", "0").put("cumQty", "0").put("cumQuote", "0")
            .put("avgPrice", BigDecimal.ZERO.setScale(o.symbol.priceDecimals() + 3).toPlainString())
            .put("updateTime", o.timeMs);
        return n;
    }

    /** Open orders of one symbol, or all when {@code symbol} is null. */
    ArrayNode openOrdersJson(final SimSymbol symbol) {
        synchronized (market.lock()) {
            final ArrayNode a = mapper.createArrayNode();
            for (final SimOrder o : openOrders) {
                if (symbol == null || o.symbol == symbol) {
                    a.add(orderJson(o, true));
                }
            }
            return a;
        }
    }

    /** {@code /fapi/v2|v3/positionRisk}: v3 lists symbols with a position or open orders, v2 every symbol. */
    ArrayNode positionRiskJson(final SimSymbol only, final boolean v3) {
        synchronized (market.lock()) {
            final ArrayNode a = mapper.createArrayNode();
            final long now = clock.epochMillis();
            for (final SimSymbol s : market.symbols()) {
                final Position pos = positions.get(s.name());
                if (only != null && only != s) {
                    continue;
                }
                if (v3 && pos.amt.signum() == 0 && openNotional(s, true).add(openNotional(s, false)).signum() == 0) {
                    continue;
                }
                final BigDecimal ref = market.state(s.name()).referencePrice();
                final BigDecimal mark = ref == null ? BigDecimal.ZERO : ref;
                final ObjectNode n = a.addObject();
                n.put("symbol", s.name()).put("positionSide", "BOTH").put("positionAmt", s.formatQty(pos.amt))
                    .put("entryPrice", pos.entry.toPlainString()).put("breakEvenPrice", pos.entry.toPlainString())
                    .put("markPrice", money(mark)).put("unRealizedProfit", money(unrealized(s, pos)))
                    .put("liquidationPrice", "0").put("isolatedMargin", "0")
                    .put("notional", money(mark.multiply(pos.amt))).put("marginAsset", ASSET)
                    .put("isolatedWallet", "0").put("updateTime", now);
                if (v3) {
                    final BigDecimal positionMargin = positionMargin(s, pos);
                    final BigDecimal orderMargin = openOrderMargin(s);
                    n.put("initialMargin", money(positionMargin.add(orderMargin))).put("maintMargin", "0")
                        .put("positionInitialMargin", money(positionMargin))
                        .put("openOrderInitialMargin", money(orderMargin)).put("adl", 0)
                        .put("bidNotional", money(openNotional(s, true)))
                        .put("askNotional", money(openNotional(s, false)));
                } else {
                    n.put("leverage", leverage.toPlainString()).put("marginType", "cross").put("isAutoAddMargin", "false")
                        .put("maxNotionalValue", "1000000");
                }
            }
            return a;
        }
    }

    /** {@code /fapi/v2/balance}. */
    ArrayNode balanceJson() {
        synchronized (market.lock()) {
            BigDecimal upnl = BigDecimal.ZERO;
            for (final SimSymbol s : market.symbols()) {
                upnl = upnl.add(unrealized(s, positions.get(s.name())));
            }
            final ArrayNode a = mapper.createArrayNode();
            a.addObject().put("accountAlias", "SimAcct").put("asset", ASSET).put("balance", money(walletBalance))
                .put("crossWalletBalance", money(walletBalance)).put("crossUnPnl", money(upnl))
                .put("availableBalance", money(availableBalance()))
                .put("maxWithdrawAmount", money(availableBalance().min(walletBalance).max(BigDecimal.ZERO)))
                .put("marginAvailable", true).put("updateTime", clock.epochMillis());
            return a;
        }
    }

    /** Position amount of a symbol (signed), for tests. */
    public BigDecimal positionAmt(final String symbol) {
        synchronized (market.lock()) {
            return positions.get(market.state(symbol).symbol.name()).amt;
        }
    }

    /** Cumulative realized PnL of a symbol (before commission). */
    public BigDecimal realizedPnl(final String symbol) {
        synchronized (market.lock()) {
            return positions.get(market.state(symbol).symbol.name()).realized;
        }
    }

    /** Wallet balance in USDT (realized PnL and commission included). */
    public BigDecimal walletBalance() {
        synchronized (market.lock()) {
            return walletBalance;
        }
    }

    /** Count of orders ever accepted. */
    public int orderCount() {
        synchronized (market.lock()) {
            return orders.size();
        }
    }

    /** One-way position of one symbol. */
    private static final class Position {
        BigDecimal amt = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;

        /** Applies a signed fill; returns the PnL it realizes. */
        BigDecimal apply(final BigDecimal signedQty, final BigDecimal price) {
            if (amt.signum() == 0 || amt.signum() == signedQty.signum()) {
                final BigDecimal newAmt = amt.add(signedQty);
                entry = entry.multiply(amt.abs()).add(price.multiply(signedQty.abs()))
                    .divide(newAmt.abs(), 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
                amt = newAmt;
                return BigDecimal.ZERO;
            }
            final BigDecimal closed = signedQty.abs().min(amt.abs());
            final BigDecimal pnl = price.subtract(entry).multiply(closed).multiply(BigDecimal.valueOf(amt.signum()));
            realized = realized.add(pnl);
            final BigDecimal newAmt = amt.add(signedQty);
            if (newAmt.signum() == 0) {
                entry = BigDecimal.ZERO;
            } else if (newAmt.signum() != amt.signum()) {
                entry = price;
            }
            amt = newAmt;
            return pnl;
        }
    }
}
