package se.asfplan.benchmark;

import java.nio.file.Path;

/**
 * What a run measures and where, from environment variables (scripts/benchmark documents them). The schemas are
 * dropped and recreated by the run: {@code <schema>_raw} (the raw baseline), {@code <schema>_tpl} (the template the
 * generator records through the API) and {@code <schema>_app} (the generated history the project is measured on).
 */
record Settings(String baseUrl, String user, String password, String schema, long events, double seconds,
                Path output) {

    static Settings fromEnvironment() {
        String base = env("BENCHMARK_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        if (base.contains("?")) {
            throw new IllegalArgumentException("BENCHMARK_DATABASE_URL takes no query (the schema is appended): "
                    + base);
        }
        String schema = env("BENCHMARK_SCHEMA", "bench");
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("BENCHMARK_SCHEMA must be a plain lower-case SQL name: " + schema);
        }
        long events = Long.parseLong(env("BENCHMARK_EVENTS", "1000000").replace("_", ""));
        if (events < 5_000) {
            throw new IllegalArgumentException("BENCHMARK_EVENTS must be at least 5000: " + events);
        }
        return new Settings(base, env("BENCHMARK_DATABASE_USERNAME", "postgres"),
                env("BENCHMARK_DATABASE_PASSWORD", ""), schema, events,
                Double.parseDouble(env("BENCHMARK_SECONDS", "10")),
                Path.of(env("BENCHMARK_OUTPUT", "benchmark/target/benchmark-results.json")));
    }

    String url(String suffix) {
        return baseUrl + "?currentSchema=" + schema(suffix);
    }

    String schema(String suffix) {
        return schema + "_" + suffix;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
