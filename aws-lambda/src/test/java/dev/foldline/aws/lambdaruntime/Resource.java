package dev.foldline.aws.lambdaruntime;

/** What {@code org.crac} registers: a proxy for each of the function's hooks. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
