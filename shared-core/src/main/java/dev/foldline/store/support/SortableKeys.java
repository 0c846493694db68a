package dev.foldline.store.support;

import dev.foldline.model.StreamId;
import java.time.Instant;

/**
 * Key parts for stores that order by text: numbers are fixed width, so that text order is numeric
 * order, and free-text components are escaped ({@code %} and {@code #}), so that {@code #} can
 * separate components and no tenant or aggregate id can forge another's key.
 */
public final class SortableKeys {

    /** Separates the components of a key; never appears inside an escaped component. */
    public static final char SEPARATOR = '#';

    private SortableKeys() {
    }

    /** A version as 19 digits: every non-negative long, in numeric order. */
    public static String version(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a stored version is never negative: " + version);
        }
        return zeroPadded(version, 19);
    }

    /**
     * A commit stamp as 12 digits of seconds, a dot and 9 digits of nanos: sortable as text for
     * every instant from the epoch to the year 33658. Earlier instants are clamped to the epoch.
     */
    public static String time(Instant instant) {
        return zeroPadded(Math.max(0, instant.getEpochSecond()), 12) + '.' + zeroPadded(instant.getNano(), 9);
    }

    /**
     * ASCII digits whatever the JVM's locale ({@code String.format} writes Thai or Arabic-Indic
     * digits under such a default locale, and keys would no longer sort or parse), and no
     * formatter on the write path.
     */
    private static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /**
     * The instant of a {@link #time stamp}: what a store whose query takes a time, not text
     * (Cosmos DB's {@code _ts}, a Firestore timestamp field), needs from a watermark.
     */
    public static Instant parseTime(String stamp) {
        int dot = stamp.indexOf('.');
        if (stamp.length() != 22 || dot != 12) {
            throw new IllegalArgumentException("not a commit stamp: " + stamp);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(stamp.substring(0, dot)), Integer.parseInt(stamp.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a commit stamp: " + stamp, e);
        }
    }

    public static String escape(String component) {
        return component.replace("%", "%25").replace("#", "%23");
    }

    /** The component that {@link #escape} turned into {@code escaped}. */
    public static String unescape(String escaped) {
        return escaped.replace("%23", "#").replace("%25", "%");
    }

    /**
     * The key of one envelope in a tenant's commit order: {@code stamp#type#id#version}. Keys
     * sort by commit stamp first; the rest makes them unique within a tenant (the tenant itself is
     * left out: a read position belongs to one tenant).
     */
    public static String commitKey(Instant committedAt, StreamId stream, long version) {
        return time(committedAt) + SEPARATOR + escape(stream.aggregateType()) + SEPARATOR
                + escape(stream.aggregateId()) + SEPARATOR + version(version);
    }

    /** The commit-stamp part of a {@link #commitKey commit key}. */
    public static String stampOf(String commitKey) {
        int end = commitKey.indexOf(SEPARATOR);
        if (end < 0) {
            throw new IllegalArgumentException("not a commit key: " + commitKey);
        }
        return commitKey.substring(0, end);
    }
}
