package io.ringtrader.engine.pipeline;

/** The stages of the two rings, in chain order. */
public enum StageId {
    JOURNAL("journal"),
    BOOK("book"),
    FEATURES("features"),
    MODEL("model"),
    STRATEGY("strategy"),
    RISK("risk"),
    ROUTER("router"),
    VENUE("venue"),
    OUTBOUND_JOURNAL("outbound-journal");

    private final String configName;

    StageId(final String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** True for stages of the inbound ring. */
    public boolean isInbound() {
        return ordinal() <= ROUTER.ordinal();
    }

    /** True for book, features, model, strategy, risk and router. */
    public boolean isBusinessChain() {
        return ordinal() >= BOOK.ordinal() && ordinal() <= ROUTER.ordinal();
    }

    /** The stage with this config name, or null. */
    public static StageId fromConfigName(final String name) {
        for (final StageId id : values()) {
            if (id.configName.equals(name)) {
                return id;
            }
        }
        return null;
    }
}
