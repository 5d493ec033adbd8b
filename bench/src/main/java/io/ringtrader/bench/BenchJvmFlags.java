package io.ringtrader.bench;

/**
 * JVM flags every forked benchmark JVM gets, one constant per flag so they can be listed in
 * {@code @Fork(jvmArgsAppend = ...)}. Keep in step with {@code ringtrader.jvm.flags} in the parent POM.
 */
public final class BenchJvmFlags {
    /**
     * Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}; without it {@code UnsafeBuffer} cannot initialise.
     */
    public static final String ADD_EXPORTS_JDK_INTERNAL_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    /**
     * Chronicle Queue: cleaners of mapped memory.
     */
    public static final String ADD_EXPORTS_JDK_INTERNAL_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";

    /**
     * Chronicle Queue: file channels and direct buffers.
     */
    public static final String ADD_EXPORTS_SUN_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";

    /**
     * Chronicle: runtime compilation.
     */
    public static final String ADD_EXPORTS_JAVAC_FILE = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";

    /**
     * Chronicle: reflective access to {@code java.lang}.
     */
    public static final String ADD_OPENS_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    /**
     * Chronicle: reflective access to {@code java.lang.reflect}.
     */
    public static final String ADD_OPENS_JAVA_LANG_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";

    /**
     * Chronicle: no analytics calls from benchmark runs.
     */
    public static final String CHRONICLE_ANALYTICS_DISABLE = "-Dchronicle.analytics.disable=true";

    private BenchJvmFlags() {
    }
}
