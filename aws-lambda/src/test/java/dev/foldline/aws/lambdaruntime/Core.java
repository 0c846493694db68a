package dev.foldline.aws.lambdaruntime;

/** The one global context, as the runtime has it; a checkpoint is the runtime's to take, never the function's. */
public final class Core {

    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {
    }

    public static GlobalContext getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() {
        throw new UnsupportedOperationException("only the runtime takes snapshots");
    }
}
