package io.ringtrader.gateway.binance.capture;

/** Raw capture formats the importer reads. */
public enum CaptureFormat {
    /** hftbacktest raw capture: {@code <local receive ns> <raw JSON>} per line; REST snapshot bodies as lines. */
    HFTBACKTEST("hftbacktest"),
    /** cryptofeed raw capture: one JSON row per line ({@code t} = header, http, connect, send, recv). */
    CRYPTOFEED("cryptofeed"),
    /** The {@code raw/} queue of a RingTrader journal directory: frames a gateway or an import journaled. */
    JOURNAL_RAW("journal-raw");

    private final String cliName;

    CaptureFormat(final String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * @throws IllegalArgumentException naming the accepted formats.
     */
    public static CaptureFormat fromCliName(final String name) {
        for (final CaptureFormat format : values()) {
            if (format.cliName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown capture format '" + name + "', expected hftbacktest, cryptofeed or journal-raw");
    }
}
