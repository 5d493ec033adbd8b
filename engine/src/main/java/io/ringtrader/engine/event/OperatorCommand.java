package io.ringtrader.engine.event;

/**
 * What an {@link EventKind#OPERATOR} event asks of the engine. The risk stage applies it when the event reaches
 * it, in ring order, live and in replay alike; the event carries who sent it in
 * {@link InboundEvent#operatorSource} ({@link #SOURCE_JMX}, ...), never free text (a slot holds no strings).
 */
public enum OperatorCommand {
    /** Trip the kill switch: every new order is rejected with {@link RiskDecision#KILL_SWITCH} until a reset. */
    KILL_SWITCH_TRIP,
    /** Reset the kill switch: new orders are checked again. */
    KILL_SWITCH_RESET,
    /**
     * Resume a strategy paused after too many consecutive venue rejects ({@link RiskDecision#STRATEGY_PAUSED}): its
     * new orders are checked again and its count of consecutive venue rejects starts from zero.
     * {@link InboundEvent#operatorTarget} is the strategy id, or {@link #ALL_STRATEGIES}.
     */
    STRATEGY_RESUME;

    /** {@link InboundEvent#operatorSource} of a command given through the engine's JMX bean. */
    public static final int SOURCE_JMX = 1;
    /** {@link InboundEvent#operatorTarget} of a command that names nothing (the kill switch), or all strategies. */
    public static final int ALL_STRATEGIES = -1;
}
