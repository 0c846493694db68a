package dev.foldline.gcp;

/** Closing what a test class started, when some of it never started (a skipped class). */
public final class Resources {

    private Resources() {
    }

    /** Closes every resource that is not null, all of them even if one fails; rethrows the first failure. */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
