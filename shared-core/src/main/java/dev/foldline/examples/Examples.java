package dev.foldline.examples;

import dev.foldline.aggregate.AggregateRegistry;

/** The example application: both calculators of the original README. */
public final class Examples {

    private Examples() {
    }

    public static AggregateRegistry registry() {
        return AggregateRegistry.of(Numbers.type(), Calculator.type());
    }
}
