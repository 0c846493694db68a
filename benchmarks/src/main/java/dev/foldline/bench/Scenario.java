package dev.foldline.bench;

import dev.foldline.command.CommandHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The command hot path in the situations the README prices: cached, uncached, new, contended and
 * parallel. {@link #prepare} does everything that must not be measured (creating aggregates,
 * filling caches); the harness times only the workers.
 */
public enum Scenario {

    WARM("warm", "sequential commands on aggregates in the handler's cache") {
        @Override
        Workload prepare(ScenarioSetup setup) {
            CommandHandler handler = setup.handler();
            List<String> ids = setup.existingAggregates(handler, "warm", AGGREGATES_PER_WORKER);
            return Workload.sequential(i -> setup.add(handler, ids.get(i % ids.size())));
        }
    },

    COLD("cold", "sequential commands on existing aggregates, handler cache size 0") {
        @Override
        Workload prepare(ScenarioSetup setup) {
            List<String> ids = setup.existingAggregates(setup.handler(), "cold", AGGREGATES_PER_WORKER);
            CommandHandler uncached = setup.uncachedHandler();
            return Workload.sequential(i -> setup.add(uncached, ids.get(i % ids.size())));
        }
    },

    NEW_AGGREGATES("new", "sequential commands creating aggregates with generated ids") {
        @Override
        Workload prepare(ScenarioSetup setup) {
            CommandHandler handler = setup.handler();
            return Workload.sequential(i -> setup.addToNewAggregate(handler));
        }
    },

    CONTENDED("contended", "threads with a handler each, all on one aggregate, no expectedVersion") {
        @Override
        Workload prepare(ScenarioSetup setup) {
            String shared = setup.existingAggregates(setup.handler(), "contended", 1).get(0);
            List<Workload.Worker> workers = new ArrayList<>();
            for (int t = 0; t < setup.threads(); t++) {
                CommandHandler handler = setup.handler();
                setup.cache(handler, shared);
                workers.add(i -> setup.add(handler, shared));
            }
            return new Workload(workers);
        }
    },

    PARALLEL("parallel", "threads with a handler each, on distinct cached aggregates") {
        @Override
        Workload prepare(ScenarioSetup setup) {
            List<Workload.Worker> workers = new ArrayList<>();
            for (int t = 0; t < setup.threads(); t++) {
                CommandHandler handler = setup.handler();
                List<String> ids = setup.existingAggregates(handler, "parallel" + t, AGGREGATES_PER_WORKER);
                workers.add(i -> setup.add(handler, ids.get(i % ids.size())));
            }
            return new Workload(workers);
        }
    };

    /** Enough aggregates that a worker cycles through several, few enough to create quickly. */
    static final int AGGREGATES_PER_WORKER = 16;

    private final String label;
    private final String description;

    Scenario(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    abstract Workload prepare(ScenarioSetup setup);
}
