/**
 * L2 order books: price levels per side in sorted primitive arrays, snapshot and absolute-quantity
 * delta application with return codes, validity state, and top-of-book reads for features.
 * Each book has a single writer, the book stage thread.
 */
package io.ringtrader.engine.book;
