package dev.foldline.gcp.firestore;

import com.google.cloud.Timestamp;

/** Commit stamps as fixed-width text ("seconds.nanos"), so that text order is time order. */
final class Stamps {

    private Stamps() {
    }

    static String text(Timestamp timestamp) {
        return String.format("%012d.%09d", Math.max(0, timestamp.getSeconds()), timestamp.getNanos());
    }

    static Timestamp timestamp(String text) {
        int dot = text.indexOf('.');
        return Timestamp.ofTimeSecondsAndNanos(Long.parseLong(text.substring(0, dot)),
                Integer.parseInt(text.substring(dot + 1)));
    }
}
