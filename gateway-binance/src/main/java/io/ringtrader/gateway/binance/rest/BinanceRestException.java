package io.ringtrader.gateway.binance.rest;

import io.ringtrader.gateway.common.rest.RestException;

/**
 * A failed Binance REST request: {@link #code()} is Binance's error code ({@code -2010}, {@code -1021}, ...). Futures
 * of {@link BinanceRestClient} complete exceptionally with it. Immutable.
 */
public final class BinanceRestException extends RestException {
    private static final long serialVersionUID = 1L;

    /** See {@link RestException#RestException(Reason, int, int, String, Throwable)}. */
    public BinanceRestException(final Reason reason, final int httpStatus, final int code, final String message,
        final Throwable cause) {
        super(reason, httpStatus, code, message, cause);
    }

    /** See {@link RestException#RestException(Reason, int, int, String, String, Throwable)}. */
    public BinanceRestException(final Reason reason, final int httpStatus, final int code, final String message,
        final String venueMessage, final Throwable cause) {
        super(reason, httpStatus, code, message, venueMessage, cause);
    }

    /** Unwraps completion wrappers; null if {@code error} is not (or does not wrap) a {@code BinanceRestException}. */
    public static BinanceRestException of(final Throwable error) {
        return RestException.of(error) instanceof BinanceRestException binance ? binance : null;
    }
}
