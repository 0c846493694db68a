package dev.foldline.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants in the text {@link Instant#toString()} writes ({@code 2026-12-02T03:04:05.123456Z}),
 * without the formatter machinery, which costs more than the rest of an envelope's decoding.
 * Anything outside the plain form (years past 9999, leap seconds, offsets) goes to the JDK.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    /** The length of {@code YYYY-MM-DD}. */
    private static final int DATE_LENGTH = 10;
    private static final long NO_DAY = Long.MIN_VALUE;

    /** A date as written and its epoch day. */
    private record Day(String text, long epochDay) {
    }

    /**
     * The day last read, shared by every thread without a lock: it is immutable and replaced whole,
     * so a thread sees an older or a newer one, never a torn one, and a lost one costs a date computed.
     */
    private static Day recentDay;

    private IsoInstants() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        LocalDate date = days >= 0 && days < 2_932_897 ? LocalDate.ofEpochDay(days) : null;  // 1970 to 9999
        if (date == null) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(30);
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        digits(text, date.getDayOfMonth(), 2).append('T');
        digits(text, secondOfDay / 3600, 2).append(':');
        digits(text, secondOfDay / 60 % 60, 2).append(':');
        digits(text, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        // As Instant.toString: no fraction, or milli-, micro- or nanoseconds, whichever is exact.
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    static Instant parse(String text) {
        return parse(text, 0, text.length());
    }

    /** The instant written from {@code start} to {@code end} of the text, read where it stands. */
    static Instant parse(String text, int start, int end) {
        int length = end - start;
        if (length < 20 || length > 30 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-'
                || text.charAt(start + 10) != 'T' || text.charAt(start + 13) != ':' || text.charAt(start + 16) != ':'
                || text.charAt(end - 1) != 'Z') {
            return byTheJdk(text, start, end);
        }
        long epochDay = epochDay(text, start);
        int hour = number(text, start + 11, start + 13);
        int minute = number(text, start + 14, start + 16);
        int second = number(text, start + 17, start + 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(start + 19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return byTheJdk(text, start, end);
            }
            nanos = number(text, start + 20, end - 1);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (epochDay == NO_DAY || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0) {
            return byTheJdk(text, start, end);
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /**
     * The epoch day of the date written at {@code start} ({@code YYYY-MM-DD}), or {@link #NO_DAY} if
     * it is not a valid date of that form. The day last read is kept: a stream's envelopes are mostly
     * written on a few days, and its text compared costs less than a date computed.
     */
    private static long epochDay(String text, int start) {
        Day recent = recentDay;
        if (recent != null && text.startsWith(recent.text(), start)) {
            return recent.epochDay();
        }
        int year = number(text, start, start + 4);
        int month = number(text, start + 5, start + 7);
        int day = number(text, start + 8, start + 10);
        if (year < 0 || month < 0 || day < 0) {
            return NO_DAY;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            recentDay = new Day(text.substring(start, start + DATE_LENGTH), epochDay);
            return epochDay;
        } catch (DateTimeException invalidDate) {
            return NO_DAY;
        }
    }

    private static Instant byTheJdk(String text, int start, int end) {
        return Instant.parse(text.substring(start, end));
    }

    /** The decimal digits from {@code start} to {@code end}, or -1 if any is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
