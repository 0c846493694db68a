package dev.foldline.aws.lambdaruntime;

/** A hook failed after a restore (Lambda then fails the environment); each failure is a suppressed exception. */
public final class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;
}
