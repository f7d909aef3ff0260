package dev.nex.jakarta.impl.state.grid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One page on the grid, as one immutable value: owner, last access (epoch milliseconds, shared by all nodes), the
 * version of the application that last wrote it (SPEC 10.8: another version's record is checked before use), the
 * turn at its beans ({@link PageTurns}, SPEC 5.6) and the serialized entries and {@code @PageScoped} instances.
 * Written as a String so that the grid compares and ships nothing but a JDK type; each change is a compare-and-set
 * of the whole record, which makes every write of a page atomic across the cluster (SPEC 10.3).
 */
final class PageRecord {

    /**
     * Format 1 (Nex 0.1 before rolling upgrades) had no writer's version, format 2 no turn (turns had keys of their
     * own); both are still read.
     */
    private static final int FORMAT = 3;

    private final String owner;
    private final long lastAccessMillis;
    private final String writtenBy;
    /** The turn at the page's beans as {@link PageTurns.Lease#encode()} writes it; {@code ""} if none. */
    private final String turn;
    private final Map<String, byte[]> entries;
    private final Map<String, byte[]> beans;

    private PageRecord(String owner, long lastAccessMillis, String writtenBy, String turn,
            Map<String, byte[]> entries, Map<String, byte[]> beans) {
        this.owner = owner;
        this.lastAccessMillis = lastAccessMillis;
        this.writtenBy = writtenBy;
        this.turn = turn;
        this.entries = entries;
        this.beans = beans;
    }

    static PageRecord empty(String owner, long nowMillis, String version) {
        return new PageRecord(owner, nowMillis, version, "", Map.of(), Map.of());
    }

    String owner() {
        return owner;
    }

    long lastAccessMillis() {
        return lastAccessMillis;
    }

    /** The fingerprint of the application version that last wrote this record ({@code ""} if unknown). */
    String writtenBy() {
        return writtenBy;
    }

    /** The turn at the page's beans, {@code ""} if none. */
    String turn() {
        return turn;
    }

    /** This record with {@code lease} as its turn ({@code ""}: none). */
    PageRecord withTurn(String lease) {
        return lease.equals(turn) ? this : new PageRecord(owner, lastAccessMillis, writtenBy, lease, entries, beans);
    }

    /** Serialized values by key. */
    Map<String, byte[]> entries() {
        return entries;
    }

    /** Serialized {@code @PageScoped} instances by passivation id of their bean. */
    Map<String, byte[]> beans() {
        return beans;
    }

    boolean idleLongerThan(long ttlMillis, long nowMillis) {
        return nowMillis - lastAccessMillis > ttlMillis;
    }

    PageRecord touched(long nowMillis) {
        return new PageRecord(owner, Math.max(nowMillis, lastAccessMillis), writtenBy, turn, entries, beans);
    }

    PageRecord withEntry(String key, byte[] value) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(key, value);
        return new PageRecord(owner, lastAccessMillis, writtenBy, turn, Collections.unmodifiableMap(changed), beans);
    }

    PageRecord withoutEntry(String key) {
        return entries.containsKey(key) ? without(Set.of(key), Set.of()) : this;
    }

    PageRecord withoutEntries() {
        return new PageRecord(owner, lastAccessMillis, writtenBy, turn, Map.of(), beans);
    }

    /** This record with {@code forms} as its {@code @PageScoped} instances, and no others. */
    PageRecord withBeans(Map<String, byte[]> forms) {
        return new PageRecord(owner, lastAccessMillis, writtenBy, turn, entries,
                Collections.unmodifiableMap(new LinkedHashMap<>(forms)));
    }

    PageRecord withoutBean(String beanId) {
        return beans.containsKey(beanId) ? without(Set.of(), Set.of(beanId)) : this;
    }

    /** This record as written by application version {@code version}. */
    PageRecord writtenBy(String version) {
        return version.equals(writtenBy) ? this
                : new PageRecord(owner, lastAccessMillis, version, turn, entries, beans);
    }

    /** This record without the entries under {@code entryKeys} and the instances of {@code beanIds}. */
    PageRecord without(Set<String> entryKeys, Set<String> beanIds) {
        Map<String, byte[]> keptEntries = new LinkedHashMap<>(entries);
        keptEntries.keySet().removeAll(entryKeys);
        Map<String, byte[]> keptBeans = new LinkedHashMap<>(beans);
        keptBeans.keySet().removeAll(beanIds);
        return new PageRecord(owner, lastAccessMillis, writtenBy, turn, Collections.unmodifiableMap(keptEntries),
                Collections.unmodifiableMap(keptBeans));
    }

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeString(out, owner);
            out.writeLong(lastAccessMillis);
            writeString(out, writtenBy);
            writeString(out, turn);
            writeMap(out, entries);
            writeMap(out, beans);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static PageRecord decode(String encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            int format = in.readByte();
            if (format < 1 || format > FORMAT) {
                throw new IllegalStateException("Page record of format " + format + " (this Nex writes " + FORMAT
                        + "): nodes of different Nex versions share one cache");
            }
            String owner = readString(in);
            long lastAccess = in.readLong();
            String writtenBy = format == 1 ? "" : readString(in);
            String turn = format < 3 ? "" : readString(in);
            return new PageRecord(owner, lastAccess, writtenBy, turn, readMap(in), readMap(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt page record", e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, byte[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, byte[]> entry : map.entrySet()) {
            writeString(out, entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
    }

    private static Map<String, byte[]> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size == 0) {
            return Map.of();
        }
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String key = readString(in);
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            map.put(key, value);
        }
        return Collections.unmodifiableMap(map);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
