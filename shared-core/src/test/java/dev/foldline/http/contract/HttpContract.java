package dev.foldline.http.contract;

/**
 * The whole HTTP contract, as every adapter (the local runtime, each cloud's command function)
 * must serve it. An adapter's test class implements this interface: {@link HttpFixture#client()}
 * reaches the running adapter in its platform's own request and response types (or over real
 * HTTP), presenting the suite's {@link Caller} the platform's way, and every default test method
 * then runs against it.
 *
 * <p>The adapter under test runs the example application (the {@code numbers} and
 * {@code calculator} aggregates and the {@code counter} view) and {@link ContractApplication}.
 * Tests isolate themselves with callers in fresh tenants, so one adapter serves the whole class.
 */
public interface HttpContract extends CommandsOverHttp, ReadsOverHttp, ProblemsOverHttp, IdentityOverHttp,
        IdempotencyOverHttp, OriginalScenariosOverHttp, FuzzOverHttp, TypedBindingOverHttp, VersionedReadsOverHttp {
}
