package dev.foldline.store.contract;

/**
 * The whole store contract. A store's test class implements this interface and
 * {@link StoreFixture#store()}; every default test method then runs against that store.
 */
public interface EventStoreContract extends AppendAndLoadContract, IdempotencyContract, ReadAllContract, CheckpointContract,
        CommandHandlingContract, ProjectorContract, PollReaderContract, OriginalScenariosContract,
        SchemaEvolutionContract, VersionedReadContract, RebuildContract {
}
