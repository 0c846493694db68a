package dev.foldline.aws.lambdaruntime;

/** A hook failed before the snapshot; each failure is a suppressed exception. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;
}
