package dev.foldline.aws.lambdaruntime;

/** A context hooks are registered with; it is notified itself, and notifies them. */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}
