/** Assembling a running engine from a configuration. */
package io.ringtrader.engine.runtime;
