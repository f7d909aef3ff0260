package dev.nex.jakarta.impl.config;

import static dev.nex.jakarta.NexConfig.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated values of every {@link dev.nex.jakarta.NexConfig} key (SPEC 8), read once at deployment.
 * {@link #load} reports every bad key at once, each message naming the key, so a deployment fails once with
 * the whole list.
 */
public record NexSettings(Duration pageTtl, Duration sweepInterval, Duration pageLockTimeout, int maxPerSession,
                          int maxTotal,
                          ExpiredPagePolicy expiredPolicy, String pageHeader, Optional<String> layout,
                          boolean scriptInject, boolean unloadBeacon, List<Integer> swapStatuses,
                          long uploadMaxSize, long uploadMaxRequestSize, StoreKind store,
                          String jcacheCache, String jcacheManager, String infinispanCache, Push push) {

    /**
     * The push settings (SPEC 12.2, 12.3).
     *
     * @param buffer        events kept per page for its stream
     * @param maxPerSession streams one session may hold open on this server
     * @param heartbeat     interval of heartbeats on idle streams
     */
    public record Push(int buffer, int maxPerSession, Duration heartbeat) {
    }

    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** A size: bytes, or a number of KB, MB or GB (powers of 1024). */
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*([KMG]?B)?", Pattern.CASE_INSENSITIVE);

    /** Reads and validates all keys from {@code source} (key → raw value, empty if unset). */
    public static NexSettings load(Function<String, Optional<String>> source) {
        Reader reader = new Reader(source);
        NexSettings settings = new NexSettings(
                reader.duration(PAGE_TTL, DEFAULT_PAGE_TTL),
                reader.duration(SWEEP_INTERVAL, DEFAULT_SWEEP_INTERVAL),
                reader.duration(PAGE_LOCK_TIMEOUT, DEFAULT_PAGE_LOCK_TIMEOUT),
                reader.positiveInt(MAX_PER_SESSION, DEFAULT_MAX_PER_SESSION),
                reader.positiveInt(MAX_TOTAL, DEFAULT_MAX_TOTAL),
                reader.policy(),
                reader.header(),
                reader.raw(LAYOUT).map(String::trim).filter(s -> !s.isEmpty()),
                reader.bool(SCRIPT_INJECT),
                reader.bool(UNLOAD_BEACON),
                reader.statuses(SWAP_STATUSES, DEFAULT_SWAP_STATUSES),
                reader.size(UPLOAD_MAX_SIZE, DEFAULT_UPLOAD_MAX_SIZE),
                reader.size(UPLOAD_MAX_REQUEST_SIZE, DEFAULT_UPLOAD_MAX_REQUEST_SIZE),
                reader.store(),
                reader.name(JCACHE_CACHE, DEFAULT_JCACHE_CACHE),
                reader.name(JCACHE_MANAGER, DEFAULT_JCACHE_MANAGER),
                reader.name(INFINISPAN_CACHE, DEFAULT_INFINISPAN_CACHE),
                new Push(reader.positiveInt(PUSH_BUFFER, DEFAULT_PUSH_BUFFER),
                        reader.positiveInt(PUSH_MAX_PER_SESSION, DEFAULT_PUSH_MAX_PER_SESSION),
                        reader.duration(PUSH_HEARTBEAT, DEFAULT_PUSH_HEARTBEAT)));
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(reader.problems);
        }
        return settings;
    }

    /** One or more keys have values Nex cannot use. */
    public static final class InvalidSettingsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSettingsException(List<String> problems) {
            super("Invalid Nex configuration: " + String.join("; ", problems));
        }
    }

    /** Parses keys one by one, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        Optional<String> raw(String key) {
            return source.apply(key);
        }

        private String valueOr(String key, String defaultValue) {
            return raw(key).map(String::trim).orElse(defaultValue);
        }

        private void problem(String key, String value, String expected) {
            problems.add(key + "='" + value + "' is not " + expected);
        }

        Duration duration(String key, String defaultValue) {
            String value = valueOr(key, defaultValue);
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    problem(key, value, "a positive duration");
                    return Duration.parse(defaultValue);
                }
                return duration;
            } catch (DateTimeParseException e) {
                problem(key, value, "an ISO-8601 duration such as PT30M");
                return Duration.parse(defaultValue);
            }
        }

        int positiveInt(String key, int defaultValue) {
            String value = valueOr(key, Integer.toString(defaultValue));
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, value, "a whole number of at least 1");
            return defaultValue;
        }

        long size(String key, String defaultValue) {
            String value = valueOr(key, defaultValue);
            long bytes = bytes(value);
            if (bytes > 0) {
                return bytes;
            }
            problem(key, value, "a size such as 512KB or 10MB");
            return bytes(defaultValue);
        }

        /** The bytes {@code size} stands for; 0 if it is no size. */
        private static long bytes(String size) {
            Matcher matcher = SIZE.matcher(size);
            if (!matcher.matches()) {
                return 0;
            }
            String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
            return Long.parseLong(matcher.group(1)) << switch (unit) {
                case "KB" -> 10;
                case "MB" -> 20;
                case "GB" -> 30;
                default -> 0;
            };
        }

        ExpiredPagePolicy policy() {
            String value = valueOr(PAGE_EXPIRED, DEFAULT_PAGE_EXPIRED);
            try {
                return ExpiredPagePolicy.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(PAGE_EXPIRED, value, "'reset' or 'refresh'");
                return ExpiredPagePolicy.RESET;
            }
        }

        StoreKind store() {
            String value = valueOr(STORE, DEFAULT_STORE);
            try {
                return StoreKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(STORE, value, "'memory', 'jcache' or 'infinispan'");
                return StoreKind.MEMORY;
            }
        }

        String name(String key, String defaultValue) {
            String value = valueOr(key, defaultValue);
            if (value.isEmpty()) {
                problem(key, value, "a name");
                return defaultValue;
            }
            return value;
        }

        String header() {
            String value = valueOr(PAGE_HEADER, DEFAULT_PAGE_HEADER);
            if (!TOKEN.matcher(value).matches()) {
                problem(PAGE_HEADER, value, "an HTTP header name");
                return DEFAULT_PAGE_HEADER;
            }
            return value;
        }

        List<Integer> statuses(String key, String defaultValue) {
            String value = valueOr(key, defaultValue);
            List<Integer> statuses = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                try {
                    int status = Integer.parseInt(part.trim());
                    if (status >= 200 && status <= 599) {
                        statuses.add(status);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (!value.isEmpty()) {
                    problem(key, value, "a comma-separated list of HTTP statuses such as 422,409");
                    return List.of(Integer.parseInt(defaultValue));
                }
            }
            return List.copyOf(statuses);
        }

        boolean bool(String key) {
            String value = valueOr(key, "true");
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            problem(key, value, "'true' or 'false'");
            return true;
        }
    }
}
