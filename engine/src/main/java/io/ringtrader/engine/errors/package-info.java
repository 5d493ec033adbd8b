/** Counting, never-throwing error handling that logs each distinct error once. */
package io.ringtrader.engine.errors;
