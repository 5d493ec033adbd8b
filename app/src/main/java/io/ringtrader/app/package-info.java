/** The {@code ringtrader} command line. */
package io.ringtrader.app;
