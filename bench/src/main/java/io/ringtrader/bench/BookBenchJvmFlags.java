package io.ringtrader.bench;

/**
 * JVM flags for the forks of the book benchmarks, as separate constants for {@code @Fork(jvmArgsAppend)}:
 * the exports and opens Chronicle Queue needs on JDK 17+, and its analytics off. The same list as
 * {@code ringtrader.jvm.flags} in the parent POM; keep them in step.
 */
final class BookBenchJvmFlags {
    static final String EXPORT_JDK_INTERNAL_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String EXPORT_SUN_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String EXPORT_JAVAC_FILE = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String OPEN_JAVA_LANG_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String CHRONICLE_ANALYTICS_OFF = "-Dchronicle.analytics.disable=true";

    private BookBenchJvmFlags() {
    }
}
