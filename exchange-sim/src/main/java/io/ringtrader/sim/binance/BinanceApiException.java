package io.ringtrader.sim.binance;

/**
 * A request the simulated venue refuses, answered as {@code {"code":C,"msg":"..."}} with an HTTP status. Thrown
 * only while handling a REST request, never across threads.
 */
final class BinanceApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;

    BinanceApiException(final int httpStatus, final int code, final String msg) {
        super(msg, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static BinanceApiException badRequest(final int code, final String msg) {
        return new BinanceApiException(400, code, msg);
    }

    static BinanceApiException mandatory(final String param) {
        return badRequest(-1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }
}
