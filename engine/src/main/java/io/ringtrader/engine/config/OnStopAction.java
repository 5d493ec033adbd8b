package io.ringtrader.engine.config;

/**
 * What a live session does at its stop, over REST, after the rings drained ({@code execution.onStop}), about what it
 * still has on each venue. Whatever it does, the stop summary then lists what is still open there.
 */
public enum OnStopAction {
    /** Nothing: open orders and positions stay on the venue. */
    LEAVE("leave"),

    /** Cancel every open order on the session's instruments; positions stay. The default for live sessions. */
    CANCEL_ORDERS("cancel-orders"),

    /** Cancel every open order, then close every position on the session's instruments with a reduce-only market order. */
    FLATTEN("flatten");

    private final String configName;

    OnStopAction(final String configName) {
        this.configName = configName;
    }

    /**
     * @return the name used in configuration files.
     */
    public String configName() {
        return configName;
    }
}
