package org.reluscope.cluster;

import java.util.Map;

import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a reluscope run.
 *
 * <ul>
 * <li>{@code spark.task.maxFailures=1}: {@link ClusterJob} retries a failed instance itself,
 *     once, and must not multiply that by Spark's own retries (the default is 4 on a cluster).</li>
 * <li>A {@code local[N]} master binds the driver to the loopback address: a single-machine
 *     run needs no network.</li>
 * </ul>
 * Settings given explicitly (by {@code spark-submit}, {@code --conf}, or system properties)
 * win over these defaults.
 */
public final class SparkSetup {
    /** The master when neither {@code --master} nor {@code spark-submit} names one: every local core. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSetup() {
    }

    /**
     * @param master   {@code local[N]}, {@code spark://…}, {@code yarn}, …, or {@code null} to keep
     *                 what spark-submit set (else {@link #DEFAULT_MASTER})
     * @param settings further {@code spark.*} settings, applied last
     */
    public static SparkConf conf(String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName("reluscope");
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", DEFAULT_MASTER);
        conf.setIfMissing("spark.task.maxFailures", "1");
        settings.forEach(conf::set);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }
}
