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
    KILL_SWITCH_RESET;

    /** {@link InboundEvent#operatorSource} of a command given through the engine's JMX bean. */
    public static final int SOURCE_JMX = 1;
}
