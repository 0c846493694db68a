package dev.foldline.http;

import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.command.CommandHandler;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.ContractApplication;
import dev.foldline.http.contract.ContractResponse;
import dev.foldline.http.contract.HttpContract;
import dev.foldline.http.identity.DevHeaderIdentity;
import dev.foldline.model.Envelope;
import dev.foldline.projection.Projector;
import dev.foldline.store.MemoryEventStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP contract on the core API itself, over the in-memory store, with nothing translated:
 * the reference the adapters match, and the suite's own check that it holds where it is written.
 */
class HttpApiContractTest implements HttpContract {

    private static final int BODY_LIMIT = 2 * 1024;
    private static final MemoryEventStore STORE = new MemoryEventStore();
    private static final Applications APPLICATIONS = Assembly.of(STORE,
            List.of(new ExamplesApplication(), new ContractApplication()));
    private static final Projector PROJECTOR = new Projector(STORE);
    private static final HttpApi API = HttpApi.builder(new CommandHandler(STORE, APPLICATIONS.registry()), STORE,
                    new DevHeaderIdentity())
            .options(new HttpOptions(BODY_LIMIT))
            .views(APPLICATIONS.views())
            .onCommit(HttpApiContractTest::project)
            .build();

    /** One envelope at a time, as a runtime that projects before it answers does. */
    private static synchronized void project(Envelope envelope) {
        PROJECTOR.project("core", List.of(envelope), APPLICATIONS.handlers());
    }

    @Override
    public AdapterClient client() {
        return request -> {
            Map<String, String> headers = new HashMap<>(request.headers());
            request.caller().ifPresent(caller -> {
                headers.put(DevHeaderIdentity.TENANT, caller.tenant());
                headers.put(DevHeaderIdentity.ACTOR_ID, caller.actorId());
                headers.put(DevHeaderIdentity.ROLES, String.join(",", caller.roles()));
            });
            HttpResponse response = API.handle(new HttpRequest(request.method(), request.path(), request.query(),
                    headers, request.body()));
            return new ContractResponse(response.status(), response.headers(), response.body());
        };
    }

    @Override
    public int maxBodyBytes() {
        return BODY_LIMIT;
    }
}
