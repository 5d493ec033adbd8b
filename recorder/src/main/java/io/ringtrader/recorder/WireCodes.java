package io.ringtrader.recorder;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;

/**
 * The journal's one-byte codes for the engine's enums. These tables are part of the format: a code, once
 * written to a journal, keeps its meaning forever; a new constant gets a new code (the exhaustive
 * switches stop the build until it has one). Code 0 is {@code null}. The encoders are public because the
 * replay digest hashes these codes too, never ordinals, so that adding an enum constant changes neither an
 * old journal's meaning nor its digest. Stateless, allocation-free; safe from any thread.
 */
public final class WireCodes {
    private static final EventKind[] EVENT_KINDS = {
        null,
        EventKind.BOOK_SNAPSHOT,
        EventKind.BOOK_DELTA,
        EventKind.BBO,
        EventKind.TRADE,
        EventKind.KLINE,
        // 6 and 7 were MARK_PRICE and OPEN_INTEREST (schemas 1-5): read as MARKET_STATE (see InboundEventCodec).
        EventKind.MARKET_STATE,
        EventKind.MARKET_STATE,
        EventKind.EXECUTION_REPORT,
        EventKind.TIMER,
        EventKind.GATEWAY_STATUS,
        EventKind.DISCARDED,
        EventKind.POSITION,
        EventKind.OPERATOR,
        EventKind.ENGINE_STATUS,
        EventKind.MARKET_STATE,
    };
    /** The schema version that introduced each event kind code (see {@link JournalFormat#SCHEMA_VERSION}). */
    private static final int[] EVENT_KINDS_SINCE = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 4, 5, 6};
    /** The kind codes of schemas 1-5 that MARKET_STATE replaced: their own layouts. */
    static final byte LEGACY_MARK_PRICE = 6;
    static final byte LEGACY_OPEN_INTEREST = 7;
    private static final OrderSide[] SIDES = {null, OrderSide.BUY, OrderSide.SELL};
    private static final ExecType[] EXEC_TYPES = {null, ExecType.ACK, ExecType.REJECT, ExecType.FILL, ExecType.CANCELED};
    private static final GatewayStatus[] GATEWAY_STATUSES = {
        null, GatewayStatus.CONNECTED, GatewayStatus.DISCONNECTED, GatewayStatus.BOOK_INVALID, GatewayStatus.BOOK_RESYNCED,
        GatewayStatus.ORDER_ENTRY_HALTED,
    };
    /** The schema version that introduced each gateway status code. */
    private static final int[] GATEWAY_STATUSES_SINCE = {1, 1, 1, 1, 1, 5};
    private static final EngineStatus[] ENGINE_STATUSES = {
        null, EngineStatus.JOURNAL_FAILED, EngineStatus.DISK_LOW, EngineStatus.DISK_CRITICAL, EngineStatus.DISK_OK,
    };
    private static final OperatorCommand[] OPERATOR_COMMANDS = {
        null, OperatorCommand.KILL_SWITCH_TRIP, OperatorCommand.KILL_SWITCH_RESET, OperatorCommand.STRATEGY_RESUME,
    };
    /** The schema version that introduced each operator command code. */
    private static final int[] OPERATOR_COMMANDS_SINCE = {4, 4, 4, 5};
    private static final OrderAction[] ACTIONS = {null, OrderAction.NEW, OrderAction.CANCEL};
    private static final OrderType[] ORDER_TYPES = {null, OrderType.LIMIT, OrderType.MARKET};
    private static final TimeInForce[] TIMES_IN_FORCE = {null, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTX};
    private static final RiskDecision[] DECISIONS = {
        null, RiskDecision.PENDING, RiskDecision.ACCEPTED, RiskDecision.BOOK_NOT_VALID, RiskDecision.INVALID_ORDER,
        RiskDecision.MAX_POSITION, RiskDecision.MAX_ORDER_QTY, RiskDecision.MAX_ORDER_RATE, RiskDecision.BOOK_STALE,
        RiskDecision.KILL_SWITCH, RiskDecision.TRADING_HALTED, RiskDecision.REDUCE_ONLY, RiskDecision.VENUE_HALTED,
        RiskDecision.STRATEGY_PAUSED, RiskDecision.BELOW_MIN_NOTIONAL, RiskDecision.ABOVE_VENUE_MAX_QTY,
        RiskDecision.PRICE_OUT_OF_BAND, RiskDecision.VENUE_NOT_ENABLED,
    };
    /** The schema version that introduced each risk decision code. */
    private static final int[] DECISIONS_SINCE = {1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 6};
    /** The queue a session header describes (codes 1 to 3 since schema 1). */
    private static final JournalStream[] STREAMS = {null, JournalStream.INBOUND, JournalStream.OUTBOUND, JournalStream.RAW};

    private WireCodes() {
    }

    public static byte code(final EventKind kind) {
        if (kind == null) {
            return 0;
        }
        return switch (kind) {
            case BOOK_SNAPSHOT -> 1;
            case BOOK_DELTA -> 2;
            case BBO -> 3;
            case TRADE -> 4;
            case KLINE -> 5;
            case EXECUTION_REPORT -> 8;
            case TIMER -> 9;
            case GATEWAY_STATUS -> 10;
            case DISCARDED -> 11;
            case POSITION -> 12;
            case OPERATOR -> 13;
            case ENGINE_STATUS -> 14;
            case MARKET_STATE -> 15;
        };
    }

    public static byte code(final OrderSide side) {
        if (side == null) {
            return 0;
        }
        return switch (side) {
            case BUY -> 1;
            case SELL -> 2;
        };
    }

    public static byte code(final ExecType type) {
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case ACK -> 1;
            case REJECT -> 2;
            case FILL -> 3;
            case CANCELED -> 4;
        };
    }

    public static byte code(final GatewayStatus status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case CONNECTED -> 1;
            case DISCONNECTED -> 2;
            case BOOK_INVALID -> 3;
            case BOOK_RESYNCED -> 4;
            case ORDER_ENTRY_HALTED -> 5;
        };
    }

    public static byte code(final EngineStatus status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case JOURNAL_FAILED -> 1;
            case DISK_LOW -> 2;
            case DISK_CRITICAL -> 3;
            case DISK_OK -> 4;
        };
    }

    public static byte code(final OperatorCommand command) {
        if (command == null) {
            return 0;
        }
        return switch (command) {
            case KILL_SWITCH_TRIP -> 1;
            case KILL_SWITCH_RESET -> 2;
            case STRATEGY_RESUME -> 3;
        };
    }

    public static byte code(final OrderAction action) {
        if (action == null) {
            return 0;
        }
        return switch (action) {
            case NEW -> 1;
            case CANCEL -> 2;
        };
    }

    public static byte code(final OrderType type) {
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case LIMIT -> 1;
            case MARKET -> 2;
        };
    }

    public static byte code(final TimeInForce timeInForce) {
        if (timeInForce == null) {
            return 0;
        }
        return switch (timeInForce) {
            case GTC -> 1;
            case IOC -> 2;
            case FOK -> 3;
            case GTX -> 4;
        };
    }

    public static byte code(final RiskDecision decision) {
        if (decision == null) {
            return 0;
        }
        return switch (decision) {
            case PENDING -> 1;
            case ACCEPTED -> 2;
            case BOOK_NOT_VALID -> 3;
            case INVALID_ORDER -> 4;
            case MAX_POSITION -> 5;
            case MAX_ORDER_QTY -> 6;
            case MAX_ORDER_RATE -> 7;
            case BOOK_STALE -> 8;
            case KILL_SWITCH -> 9;
            case TRADING_HALTED -> 10;
            case REDUCE_ONLY -> 11;
            case VENUE_HALTED -> 12;
            case STRATEGY_PAUSED -> 13;
            case BELOW_MIN_NOTIONAL -> 14;
            case ABOVE_VENUE_MAX_QTY -> 15;
            case PRICE_OUT_OF_BAND -> 16;
            case VENUE_NOT_ENABLED -> 17;
        };
    }

    static EventKind eventKind(final byte code) {
        return lookup(EVENT_KINDS, code, "event kind");
    }

    static OrderSide side(final byte code) {
        return lookup(SIDES, code, "side");
    }

    static ExecType execType(final byte code) {
        return lookup(EXEC_TYPES, code, "exec type");
    }

    static GatewayStatus gatewayStatus(final byte code) {
        return lookup(GATEWAY_STATUSES, code, "gateway status");
    }

    /** A gateway status read from a message of {@code version}; as {@link #eventKind(byte, int)}. */
    static GatewayStatus gatewayStatus(final byte code, final int version) {
        return lookup(GATEWAY_STATUSES, GATEWAY_STATUSES_SINCE, code, version, "gateway status");
    }

    static EngineStatus engineStatus(final byte code) {
        return lookup(ENGINE_STATUSES, code, "engine status");
    }

    static OperatorCommand operatorCommand(final byte code) {
        return lookup(OPERATOR_COMMANDS, code, "operator command");
    }

    /** An operator command read from a message of {@code version}; as {@link #eventKind(byte, int)}. */
    static OperatorCommand operatorCommand(final byte code, final int version) {
        return lookup(OPERATOR_COMMANDS, OPERATOR_COMMANDS_SINCE, code, version, "operator command");
    }

    static OrderAction action(final byte code) {
        return lookup(ACTIONS, code, "order action");
    }

    static OrderType orderType(final byte code) {
        return lookup(ORDER_TYPES, code, "order type");
    }

    static TimeInForce timeInForce(final byte code) {
        return lookup(TIMES_IN_FORCE, code, "time in force");
    }

    static RiskDecision decision(final byte code) {
        return lookup(DECISIONS, code, "risk decision");
    }

    /**
     * The kind of an inbound event read from a message of {@code version}: a kind newer than the message's schema
     * cannot be in it (see {@link JournalFormat#SCHEMA_VERSION}), so such a message is corrupt.
     */
    static EventKind eventKind(final byte code, final int version) {
        return lookup(EVENT_KINDS, EVENT_KINDS_SINCE, code, version, "event kind");
    }

    /** A risk decision read from a message of {@code version}; as {@link #eventKind(byte, int)}. */
    static RiskDecision decision(final byte code, final int version) {
        return lookup(DECISIONS, DECISIONS_SINCE, code, version, "risk decision");
    }

    private static <E> E lookup(final E[] table, final int[] since, final byte code, final int version,
        final String what) {
        final E value = lookup(table, code, what);
        final int first = since[code & 0xFF];
        if (version < first) {
            throw new JournalFormatException("has " + what + " " + value + " (code " + (code & 0xFF) + "), which schema "
                + first + " introduced, in a schema " + version + " message");
        }
        return value;
    }

    private static <E> E lookup(final E[] table, final byte code, final String what) {
        final int index = code & 0xFF;
        if (index >= table.length) {
            throw new JournalFormatException("has unknown " + what + " code " + index);
        }
        return table[index];
    }

    public static byte code(final JournalStream stream) {
        if (stream == null) {
            return 0;
        }
        return switch (stream) {
            case INBOUND -> 1;
            case OUTBOUND -> 2;
            case RAW -> 3;
        };
    }

    /** The queue of a session header's stream code; null for a code this build does not know. */
    static JournalStream streamOrNull(final byte code) {
        final int index = code & 0xFF;
        return index < STREAMS.length ? STREAMS[index] : null;
    }
}
